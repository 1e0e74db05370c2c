// The storefront in a real browser: server-rendered content, then hydration.
import { describe, expect, it } from 'bun:test';
import { seedProducts } from '../server/seed/catalog-data.ts';
import { browserAndShop } from '../server/testing/browser.ts';

const env = browserAndShop();

const featured = seedProducts.find((p) => p.featured)!;

describe('storefront in Chromium', () => {
  it('shows products without JavaScript (server-rendered)', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.shop.url}/`);
    await expect(page.getByRole('heading', { name: 'Featured products' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: featured.name }).first().isVisible()).resolves.toBe(true);
    await context.close();
  }, 30_000);

  it('gets hashed assets with a year-long immutable cache from the real server', async () => {
    const html = await (await fetch(`${env.shop.url}/`)).text();
    const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
    const res = await fetch(`${env.shop.url}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${env.shop.url}/assets/missing-file.js`)).status).toBe(404);
  });

  it('hydrates: the phone menu opens, and category links navigate in the page', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The page's Content-Security-Policy must not block anything the shop itself uses.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${env.shop.url}/`);
    const menu = page.locator('#site-menu > summary');
    const nav = page.locator('#site-nav');
    expect(await nav.isVisible()).toBe(false);
    // The menu is a <details>: it opens before the script runs too; then the script takes it over.
    await menu.click();
    await page.waitForFunction(() => document.querySelector('#site-nav')?.classList.contains('block'), undefined, { timeout: 10_000 });
    expect(await nav.isVisible()).toBe(true);
    expect(await page.locator('#site-menu').evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);

    await nav.getByRole('link', { name: 'Apparel' }).click();
    await page.waitForURL(`${env.shop.url}/category/apparel`);
    await page.getByRole('heading', { name: 'Apparel', level: 1 }).waitFor();
    // The head follows in-app navigation, with one <title> (the server's one was taken over).
    expect(await page.title()).toBe('Apparel — GoMall');
    expect(await page.locator('head title').count()).toBe(1);
    const sort = page.getByLabel('Sort by');
    await sort.selectOption('price_desc');
    await page.waitForURL(/sort=price_desc/);
    const priciest = seedProducts
      .filter((p) => p.categories.includes('apparel'))
      .sort((a, b) => b.priceCents - a.priceCents)[0]!;
    await page.waitForFunction(
      (name) => document.querySelector('.product-card h3')?.textContent === name,
      priciest.name,
      { timeout: 5_000 },
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});
