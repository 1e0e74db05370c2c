// The cart in a real browser: a guest fills a cart, changes a quantity, signs in
// and finds the guest cart merged into the account's cart.
import { describe, expect, it } from 'bun:test';
import { seedProducts } from '../db/seed/catalog-data.ts';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const tee = seedProducts.find((p) => p.slug === 'organic-cotton-pocket-tee')!;
const tank = seedProducts.find((p) => p.slug === 'ribbed-tank-top')!;

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
    expect(await page.getByText('Added to your cart.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Cart 1 item', exact: true }).isVisible()).toBe(true);
    await context.close();
  }, 30_000);
});
