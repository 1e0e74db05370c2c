// Search in a real browser: from the header, through a facet, to a product.
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

const resultNames = (page: import('playwright-core').Page) => page.$$eval('.search-result h2', (hs) => hs.map((h) => h.textContent));

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
    await expect(page.getByRole('button', { name: 'Add to cart' }).isVisible()).resolves.toBe(true);
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
});
