// Search in a real browser: from the header, through a facet, to a product; and
// the page's layout on a phone and a desktop, with and without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, startShopServer } from '../../server/testing/browser.ts';

let browser: Browser;
let shop: Awaited<ReturnType<typeof startShopServer>>;
beforeAll(async () => {
  [browser, shop] = await Promise.all([launchBrowser(), startShopServer()]);
});
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

type Page = import('playwright-core').Page;
const resultNames = (page: Page) => page.$$eval('.search-result h2', (hs) => hs.map((h) => h.textContent));
const resultPrices = (page: Page) =>
  page.$$eval('.search-result', (items) =>
    items.map((li) => Math.round(Number(li.querySelector('.font-semibold')!.textContent!.replace(/[$,]/g, '')) * 100)),
  );
const PHONE = { width: 360, height: 740 };
const filtersToggle = (page: Page) => page.locator('summary', { hasText: 'Filters' });

/** Presses Tab until the element has focus; the number of presses, or -1 if a result link came first. */
async function tabTo(page: Page, target: import('playwright-core').Locator, presses = 30): Promise<number> {
  for (let i = 1; i <= presses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    if (await page.evaluate(() => !!document.activeElement?.closest('.search-result'))) return -1;
  }
  return -1;
}

describe('search in Chromium', () => {
  it('searches from the header, filters by a category facet and opens a product', async () => {
    const page = await browser.newPage();
    await page.goto(`${shop.url}/`);
    await page.getByRole('searchbox', { name: 'Search products' }).fill('sweatshirt');
    await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
    await page.waitForURL(/\/search\?q=sweatshirt/);
    expect(await resultNames(page)).toContain('Zippered Mesh Laundry Bag');
    expect((await resultNames(page)).length).toBe(4);

    await page.getByRole('complementary', { name: 'Filters' }).getByRole('link', { name: /^Apparel/ }).click();
    await page.waitForURL(/category=apparel/);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 3);
    expect(await resultNames(page)).not.toContain('Zippered Mesh Laundry Bag');

    await page.getByRole('link', { name: 'Quarter-Zip Fleece Sweatshirt' }).click();
    await page.waitForURL(/\/product\/quarter-zip-fleece-sweatshirt/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Quarter-Zip Fleece Sweatshirt');
    // The product's own button comes first; the related products' cards follow.
    await expect(page.getByRole('button', { name: 'Add to cart' }).first().isVisible()).resolves.toBe(true);
    await page.close();
  }, 30_000);

  it('suggests products as the shopper types and opens one from the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${shop.url}/`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('searchbox', { name: 'Search products' }).fill('jalap');
    const suggestion = page.getByRole('list', { name: 'Suggestions' }).getByRole('link', { name: 'Jalapeño Hot Sauce' });
    await suggestion.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/product\/jalapeno-hot-sauce/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Jalapeño Hot Sauce');
    await page.close();
  }, 30_000);

  it('shows suggestions with a thumbnail and price, then "See all results", which forgives a typo', async () => {
    const page = await browser.newPage();
    await page.goto(`${shop.url}/`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('searchbox', { name: 'Search products' }).fill('cofee');
    const list = page.getByRole('list', { name: 'Suggestions' });
    const seeAll = list.getByRole('link', { name: 'See all results for “cofee”' });
    await seeAll.waitFor();
    const first = list.getByRole('link').first();
    expect(await first.locator('img').getAttribute('src')).toMatch(/^\/img\/products\/.+/);
    expect(await first.textContent()).toMatch(/Coffee.*\$\d+\.\d\d$/);
    // See all results comes last, after every product, from the keyboard too.
    const count = await list.getByRole('link').count();
    for (let i = 0; i < count; i++) await page.keyboard.press('ArrowDown');
    expect(await seeAll.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=cofee$/);
    await page.getByText('Showing results for coffee').waitFor();
    expect((await resultNames(page)).length).toBeGreaterThan(3);
    await page.getByRole('link', { name: 'search instead for cofee' }).click();
    await page.waitForURL(/\/search\?q=cofee&exact=1$/);
    await page.getByRole('heading', { name: 'No products match “cofee”' }).waitFor();
    await page.close();
  }, 30_000);

  it('on a 360 px phone puts the first result high on the screen, with the filters folded under "Filters" (no JavaScript)', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${shop.url}/search?q=coffee`);
    expect(await filtersToggle(page).isVisible()).toBe(true);
    expect(await page.getByLabel('Min ($)').isVisible()).toBe(false);
    // The first result starts in the top half of the screen and fits on it whole.
    const first = (await page.locator('.search-result').first().boundingBox())!;
    expect(first.y).toBeLessThan(PHONE.height / 2);
    expect(first.y + first.height).toBeLessThan(PHONE.height);

    // From the keyboard: Tab reaches "Filters" before any result; Enter opens it.
    expect(await tabTo(page, filtersToggle(page))).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Min ($)').isVisible()).toBe(true);
    for (const field of ['Max ($)', 'In stock only', 'Sort by']) expect(await page.getByLabel(field).isVisible()).toBe(true);
    // Typed the wrong way round, the range still finds what lies between.
    await page.getByLabel('Min ($)').fill('100');
    await page.getByLabel('Max ($)').fill('10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/min=100&max=10/);
    const prices = await resultPrices(page);
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((p) => p >= 1000 && p <= 10000)).toBe(true);
    expect(await filtersToggle(page).textContent()).toBe('Filters (1 applied)');
    expect([await page.getByLabel('Min ($)').inputValue(), await page.getByLabel('Max ($)').inputValue()]).toEqual(['10', '100']);
    await context.close();
  }, 30_000);

  it('on a 360 px phone shows why nothing matched first, and widens the price from there', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${shop.url}/search?q=coffee&min=500`);
    const why = page.getByRole('heading', { name: 'No products match “coffee” at $500.00 or more' });
    const box = (await why.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(PHONE.height / 2);
    expect(box.y).toBeLessThan((await filtersToggle(page).boundingBox())!.y);
    expect(await page.getByText('Check the spelling').count()).toBe(0);
    await page.getByRole('link', { name: 'Search “coffee” at any price' }).click();
    await page.waitForURL((url) => url.search === '?q=coffee');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0);
    await context.close();
  }, 30_000);

  it('on a wide screen shows the filters open beside the results, without a toggle (no JavaScript)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${shop.url}/search?q=coffee`);
    expect(await filtersToggle(page).isVisible()).toBe(false);
    for (const field of ['Min ($)', 'Max ($)', 'In stock only', 'Sort by']) expect(await page.getByLabel(field).isVisible()).toBe(true);
    const filters = (await page.getByRole('complementary', { name: 'Filters' }).boundingBox())!;
    const first = (await page.locator('.search-result').first().boundingBox())!;
    expect(filters.x + filters.width).toBeLessThanOrEqual(first.x);
    expect(Math.abs(filters.y - first.y)).toBeLessThan(40);
    expect(await tabTo(page, page.getByLabel('Min ($)'))).toBeGreaterThan(0);
    await context.close();
  }, 30_000);
});
