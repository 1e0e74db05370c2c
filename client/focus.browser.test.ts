// Where keyboard focus goes, in a real browser: it stays on Add to cart, Update and
// Remove (or moves to the next line when its own is gone) while the cart changes in
// place; after an in-app navigation it moves to the new page's heading and the new
// title is announced; and without JavaScript, adding from a grid comes back to the
// product added, not the top of the page.
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { seedProducts } from '../server/seed/catalog-data.ts';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const tee = seedProducts.find((p) => p.slug === 'organic-cotton-pocket-tee')!;
const tank = seedProducts.find((p) => p.slug === 'ribbed-tank-top')!;
const socks = seedProducts.find((p) => p.slug === 'merino-wool-crew-socks-3-pack')!;

const idOf = async (slug: string) =>
  (await env.shop.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/** What has keyboard focus: its tag and accessible-ish name, or "body" when focus was lost. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || !e.isConnected) return 'body';
    return `${e.tagName.toLowerCase()}: ${(e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ')}`;
  });

async function newPage(options: { width?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await env.browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  // A failed wait fails its test, not the whole file (a test timeout ends the browser).
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

describe('focus with JavaScript', () => {
  it('stays on "Add to cart" while the product is added, and a second press while it is sent adds nothing more', async () => {
    const { context, page, errors } = await newPage();
    try {
      const adds: string[] = [];
      // A slow answer, so the second press lands while the first is on its way.
      await page.route('**/trpc/cart.add**', async (route) => {
        adds.push(route.request().url());
        await Bun.sleep(400);
        await route.continue();
      });
      await page.goto(`${env.shop.url}/category/apparel?sort=name`, { waitUntil: 'networkidle' });
      const button = page.getByRole('button', { name: `Add to cart: ${tee.name}` });
      await button.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Cart 1 item', exact: true }).waitFor();
      await page.getByText('Added to your cart.').first().waitFor();
      expect(await focused(page)).toBe(`button: Add to cart: ${tee.name}`);
      expect(adds).toHaveLength(1);
      // The button says it is busy without leaving the keyboard's path.
      expect(await button.isDisabled()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('stays on Update after a quantity change, and moves to the next line after Remove', async () => {
    const { header, cookies } = await signedInCookies(env.shop, 'focus-cart@example.com');
    for (const slug of [tee.slug, tank.slug, socks.slug]) {
      expect((await trpcPost(env.shop, 'cart.add', { productId: await idOf(slug), quantity: 1 }, header)).status).toBe(200);
    }
    const { context, page, errors } = await newPage();
    try {
      await context.addCookies(cookies);
      await page.goto(`${env.shop.url}/cart`, { waitUntil: 'networkidle' });
      await page.getByLabel(`Quantity of ${tee.name}`).fill('2');
      await page.getByLabel(`Quantity of ${tee.name}`).press('Tab');
      expect(await focused(page)).toBe(`button: Update quantity of ${tee.name}`);
      await page.keyboard.press('Enter');
      await page.getByText(/^Subtotal \(4 items\)$/).waitFor();
      expect(await focused(page)).toBe(`button: Update quantity of ${tee.name}`);

      // Removing a line: focus goes to the line that takes its place, and the removal is announced.
      await page.getByRole('button', { name: `Remove ${tank.name}` }).focus();
      await page.keyboard.press('Enter');
      const line = (name: string) => page.locator('.cart-line').filter({ hasText: name });
      await line(tank.name).waitFor({ state: 'detached' });
      expect(await focused(page)).toBe(`a: ${socks.name}`);
      expect(await page.getByRole('status').filter({ hasText: `Removed ${tank.name} from your cart.` }).count()).toBe(1);

      // The last line: focus goes to the line before it.
      await page.getByRole('button', { name: `Remove ${socks.name}` }).focus();
      await page.keyboard.press('Enter');
      await line(socks.name).waitFor({ state: 'detached' });
      expect(await focused(page)).toBe(`a: ${tee.name}`);
      // The very last one: the cart is empty, focus goes to the page's heading.
      await page.getByRole('button', { name: `Remove ${tee.name}` }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Your cart is empty.').waitFor();
      expect(await focused(page)).toBe('h1: Your cart');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('moves focus to the new page\'s heading after an in-app navigation and announces its title', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${env.shop.url}/`, { waitUntil: 'networkidle' });
      const link = page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Books' });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${env.shop.url}/category/books`);
      await page.getByRole('heading', { name: 'Books', level: 1 }).waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 3_000 }).catch(() => {});
      expect(await focused(page)).toBe('h1: Books');
      const announcer = page.locator('[aria-live]').filter({ hasText: 'Books — GoMall' });
      expect(await announcer.count()).toBe(1);

      // A change of sort on the same page leaves focus where it is (on the menu).
      const sort = page.getByLabel('Sort by');
      await sort.focus();
      await sort.selectOption('price_desc');
      await page.waitForURL(/sort=price_desc/);
      await Bun.sleep(200);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sort');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('without JavaScript', () => {
  for (const width of [375, 1280]) {
    it(`adding from a grid comes back to the product added, with the confirmation beside it (${width} px)`, async () => {
      const { context, page } = await newPage({ width, javaScriptEnabled: false });
      try {
        await page.goto(`${env.shop.url}/category/apparel?sort=name`);
        const cards = page.locator('.product-card');
        const card = cards.nth((await cards.count()) - 2);
        const name = (await card.locator('h3').textContent())!;
        await card.getByRole('button', { name: `Add to cart: ${name}` }).click();
        await page.waitForURL(/cart=added/);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/category/apparel');
        expect(url.searchParams.get('sort')).toBe('name');
        const id = await idOf(seedProducts.find((p) => p.name === name)!.slug);
        expect(url.hash).toBe(`#product-${id}`);
        // Scrolled to the card, not the top of the page.
        const back = page.locator(`#product-${id}`);
        expect(await back.locator('h3').textContent()).toBe(name);
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
        const box = (await back.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeLessThan(800);
        // The confirmation is beside the product, and keyboard focus starts from there.
        expect(await back.getByText('Added to your cart.').isVisible()).toBe(true);
        await page.keyboard.press('Tab');
        expect(await page.evaluate((id) => !!document.activeElement?.closest(`#product-${id}`), id)).toBe(true);
        expect(await page.getByRole('link', { name: 'Cart 1 item', exact: true }).isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    }, 30_000);
  }
});
