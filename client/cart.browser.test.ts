// The cart in a real browser: a guest fills a cart, changes a quantity, signs in
// and finds the guest cart merged into the account's cart; a phone-sized cart
// with lines that cannot be bought as they are, and the checkout page.
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { seedProducts } from '../server/seed/catalog-data.ts';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const tee = seedProducts.find((p) => p.slug === 'organic-cotton-pocket-tee')!;
const tank = seedProducts.find((p) => p.slug === 'ribbed-tank-top')!;
const fleece = seedProducts.find((p) => p.slug === 'quarter-zip-fleece-sweatshirt')!; // 3 in stock
const socks = seedProducts.find((p) => p.slug === 'merino-wool-crew-socks-3-pack')!;
const AXE = require.resolve('axe-core/axe.min.js');

const idOf = async (slug: string) =>
  (await env.shop.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const setStock = async (slug: string, stock: number) =>
  env.shop.db.updateTable('products').set({ stock }).where('slug', '=', slug).execute();

/** WCAG A/AA violations axe-core finds on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations;
  })) as { id: string; nodes: { target: string[] }[] }[];
  return violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** An account with one tee in its cart, as if added on another device. */
async function accountWithATee(email: string) {
  const { header } = await signedInCookies(env.shop, email);
  const { id } = await env.shop.db.selectFrom('products').select('id').where('slug', '=', tee.slug).executeTakeFirstOrThrow();
  expect((await trpcPost(env.shop, 'cart.add', { productId: id, quantity: 1 }, header)).status).toBe(200);
}

describe('cart in Chromium', () => {
  it('adds two products as a guest, changes a quantity, signs in and finds the merged cart', async () => {
    const password = 'correct horse battery';
    await accountWithATee('cart-shopper@example.com');

    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const badge = page.getByRole('link', { name: /^Cart \d+ items?$/ });
    const badgeSays = (count: number) => page.getByRole('link', { name: `Cart ${count} ${count === 1 ? 'item' : 'items'}`, exact: true });

    await page.goto(`${env.shop.url}/category/apparel?sort=name`);
    await badgeSays(0).waitFor();
    await page.getByRole('button', { name: `Add to cart: ${tee.name}` }).click();
    await badgeSays(1).waitFor();
    await page.getByRole('button', { name: `Add to cart: ${tank.name}` }).click();
    await badgeSays(2).waitFor();

    await badge.click();
    await page.waitForURL(`${env.shop.url}/cart`);
    await page.getByLabel(`Quantity of ${tee.name}`).fill('3');
    await page.getByRole('button', { name: `Update quantity of ${tee.name}` }).click();
    await badgeSays(4).waitFor();

    await page.goto(`${env.shop.url}/sign-in?next=/cart`);
    await page.getByLabel('Email').fill('cart-shopper@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${env.shop.url}/cart`);
    await badgeSays(5).waitFor();
    expect(await page.getByLabel(`Quantity of ${tee.name}`).inputValue()).toBe('4');
    expect(await page.getByLabel(`Quantity of ${tank.name}`).inputValue()).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('adds to the cart with JavaScript switched off: a plain form post and a confirmation', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.shop.url}/category/apparel?sort=name`);
    await page.getByRole('button', { name: `Add to cart: ${tee.name}` }).click();
    await page.waitForURL(/cart=added/);
    expect(new URL(page.url()).pathname).toBe('/category/apparel');
    expect(await page.locator('.cart-notice').getByText('Added to your cart.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Cart 1 item', exact: true }).isVisible()).toBe(true);
    await context.close();
  }, 30_000);

  it('on a phone, names sold-out lines, warns about a line over the stock left until it is lowered, and reaches checkout', async () => {
    const { header, cookies } = await signedInCookies(env.shop, 'cart-phone@example.com');
    for (const [slug, quantity] of [[fleece.slug, 3], [tee.slug, 1], [socks.slug, 1]] as const) {
      expect((await trpcPost(env.shop, 'cart.add', { productId: await idOf(slug), quantity }, header)).status).toBe(200);
    }
    await setStock(fleece.slug, 1);
    await setStock(socks.slug, 0);
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${env.shop.url}/cart`);

      const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem');
      const fleeceLine = lines.filter({ hasText: fleece.name });
      const warning = fleeceLine.getByText('Only 1 left — lower the quantity');
      const attention = page.getByText('Checkout needs a change first');
      await warning.waitFor();
      expect(await lines.filter({ hasText: socks.name }).getByText('Sold out', { exact: true }).isVisible()).toBe(true);
      expect(await attention.isVisible()).toBe(true);
      expect(await page.getByText(/^Subtotal \(4 items\)$/).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Cart 5 items', exact: true }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);

      // The field describes its warning, and the browser holds back more than is left.
      const quantity = page.getByLabel(`Quantity of ${fleece.name}`);
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      await quantity.fill('2');
      expect(await quantity.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
      await quantity.fill('1');
      await page.getByRole('button', { name: `Update quantity of ${fleece.name}` }).click();
      await warning.waitFor({ state: 'detached' });
      await attention.waitFor({ state: 'detached' });
      await page.getByText(/^Subtotal \(2 items\)$/).waitFor();
      expect(await quantity.getAttribute('aria-invalid')).toBeNull();

      await page.getByRole('link', { name: 'Checkout', exact: true }).click();
      await page.waitForURL(`${env.shop.url}/checkout`);
      expect(await page.getByRole('heading', { level: 1, name: 'Checkout' }).isVisible()).toBe(true);
      // The sold-out socks still stop the order: checkout says so and sends the shopper back.
      expect(await page.getByRole('heading', { name: 'Your cart needs a change before you can order' }).isVisible()).toBe(true);
      expect(await page.getByText(`${socks.name} is sold out.`, { exact: false }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Review your cart' }).click();
      await page.waitForURL(`${env.shop.url}/cart`);
      expect(await page.getByLabel(`Quantity of ${fleece.name}`).inputValue()).toBe('1');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await setStock(fleece.slug, fleece.stock);
      await setStock(socks.slug, socks.stock);
    }
  }, 60_000);
});
