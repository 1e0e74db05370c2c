// The cart in a real browser: a guest fills a cart, changes a quantity, signs in
// and finds the guest cart merged into the account's cart; a phone-sized cart
// with lines that cannot be bought as they are, and the checkout page; quantities
// that apply themselves (with JavaScript) or by Update (without), and the shop's own
// answer beside the field when more is asked than is left.
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

      // The field describes its warning; lowering it applies itself.
      const quantity = page.getByLabel(`Quantity of ${fleece.name}`);
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      expect(await quantity.getAttribute('aria-describedby')).toBe(await warning.getAttribute('id'));
      await quantity.fill('1');
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

/** A new account with these lines in its cart, and a browser context signed in to it. */
async function shopperWith(email: string, lines: [slug: string, quantity: number][], options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const { header, cookies } = await signedInCookies(env.shop, email);
  for (const [slug, quantity] of lines) {
    expect((await trpcPost(env.shop, 'cart.add', { productId: await idOf(slug), quantity }, header)).status).toBe(200);
  }
  const context = await env.browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  // A failed wait fails its test, not the whole file.
  context.setDefaultTimeout(5_000);
  await context.addCookies(cookies);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The quantities the page sent, in order.
  const sent: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/trpc/cart.setQuantity')) sent.push(JSON.parse(request.postData() ?? '{}')['0']?.quantity);
  });
  return { context, page, errors, sent };
}

/**
 * Waits for the script to take over `selector` (Solid has attached its `event` handler):
 * on a busy machine that can come after the network is idle, and a change made before
 * it would be a plain post.
 */
const scripted = (page: Page, selector: string, event: 'click' | 'input') =>
  page.waitForFunction(([s, e]) => !!(document.querySelector(s!) as unknown as Record<string, unknown> | null)?.[`$$${e}`], [selector, event]);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const subtotal = (page: Page) => page.locator('.cart-subtotal').textContent();

describe('cart quantities with JavaScript', () => {
  it('applies a new quantity without a button: the line, the subtotal and the badge update, focus stays in the field, and it is announced', async () => {
    const { context, page, errors, sent } = await shopperWith('auto-quantity@example.com', [[tee.slug, 1], [tank.slug, 1]]);
    try {
      await page.goto(`${env.shop.url}/cart`, { waitUntil: 'networkidle' });
      await scripted(page, 'input[name="quantity"]', 'input');
      const quantity = page.getByLabel(`Quantity of ${tee.name}`);
      const line = page.locator('.cart-line').filter({ hasText: tee.name });
      // The form still has its Update button for the keyboard, out of sight until it is reached.
      expect(await page.getByRole('button', { name: `Update quantity of ${tee.name}` }).evaluate((b) => b.getBoundingClientRect().width)).toBeLessThanOrEqual(1);

      await quantity.fill('3');
      await page.getByText(/^Subtotal \(4 items\)$/).waitFor();
      expect(await line.locator('.line-total').textContent()).toBe('$84.00');
      expect(await subtotal(page)).toBe('$103.00');
      expect(await page.getByRole('link', { name: 'Cart 4 items', exact: true }).isVisible()).toBe(true);
      expect(await focusedId(page)).toBe(`cart-quantity-${await idOf(tee.slug)}`);
      expect(await page.getByRole('status').filter({ hasText: `Quantity of ${tee.name} is now 3.` }).count()).toBe(1);
      expect(sent).toEqual([3]);

      // Stepping with the arrow keys and typing send one change once they pause, not one per key.
      await quantity.press('ArrowUp');
      await quantity.press('ArrowUp');
      await quantity.press('ArrowUp');
      await page.getByText(/^Subtotal \(7 items\)$/).waitFor();
      await quantity.selectText();
      await page.keyboard.type('12', { delay: 60 });
      await page.getByText(/^Subtotal \(13 items\)$/).waitFor();
      expect(sent).toEqual([3, 6, 12]);
      expect(await focusedId(page)).toBe(`cart-quantity-${await idOf(tee.slug)}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('sends one change at a time and the last value typed wins', async () => {
    const { context, page, errors, sent } = await shopperWith('last-wins@example.com', [[tee.slug, 1]]);
    try {
      // A slow answer, so the shopper types on while the first change is on its way.
      await page.route('**/trpc/cart.setQuantity**', async (route) => {
        await Bun.sleep(600);
        await route.continue();
      });
      await page.goto(`${env.shop.url}/cart`, { waitUntil: 'networkidle' });
      await scripted(page, 'input[name="quantity"]', 'input');
      const quantity = page.getByLabel(`Quantity of ${tee.name}`);
      await quantity.fill('5');
      await page.waitForRequest('**/trpc/cart.setQuantity**');
      await quantity.fill('7');
      await page.getByText(/^Subtotal \(7 items\)$/).waitFor();
      expect(await quantity.inputValue()).toBe('7');
      expect(sent).toEqual([5, 7]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('answers more than the stock left with the shop\'s message beside the field, no browser bubble, and puts the quantity back', async () => {
    const { context, page, errors, sent } = await shopperWith('over-stock@example.com', [[fleece.slug, 1]]);
    try {
      await page.goto(`${env.shop.url}/cart`, { waitUntil: 'networkidle' });
      await scripted(page, 'input[name="quantity"]', 'input');
      const quantity = page.getByLabel(`Quantity of ${fleece.name}`);
      // Nothing for the browser to refuse by itself: the shop answers.
      expect(await quantity.getAttribute('max')).toBeNull();
      await quantity.fill('5');
      const note = page.locator('.cart-line').getByText(`Only 3 left of ${fleece.name}.`);
      await note.waitFor();
      expect(sent).toEqual([5]);
      expect(await quantity.inputValue()).toBe('1');
      expect(await page.locator(':invalid').count()).toBe(0);
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      expect(await quantity.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
      expect(await focusedId(page)).toBe(`cart-quantity-${await idOf(fleece.slug)}`);
      expect(await page.getByRole('status').filter({ hasText: `Only 3 left of ${fleece.name}.` }).count()).toBe(1);
      expect(await subtotal(page)).toBe('$68.00');

      // Not a number: the same, in the shop's words.
      await quantity.fill('-2');
      await page.locator('.cart-line').getByText('Please choose a quantity from 1 to 99.').waitFor();
      expect(await quantity.inputValue()).toBe('1');

      // What is left is taken, and the note goes.
      await quantity.fill('3');
      await note.waitFor({ state: 'detached' });
      await page.getByText(/^Subtotal \(3 items\)$/).waitFor();
      expect(await quantity.getAttribute('aria-invalid')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('on the product page, more than is left gets the same message beside the quantity, and focus stays on Add to cart', async () => {
    const { context, page, errors } = await shopperWith('product-over-stock@example.com', []);
    try {
      await page.goto(`${env.shop.url}/product/${fleece.slug}`, { waitUntil: 'networkidle' });
      await scripted(page, 'form[action="/cart/add"] button', 'click');
      const quantity = page.getByLabel('Quantity', { exact: true });
      expect(await quantity.getAttribute('max')).toBeNull();
      await quantity.fill('5');
      const add = page.getByRole('button', { name: 'Add to cart', exact: true });
      await add.click();
      const note = page.getByText(`Only 3 left of ${fleece.name}.`);
      await note.waitFor();
      expect(await page.locator(':invalid').count()).toBe(0);
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      expect(await quantity.getAttribute('aria-describedby')).toBe(await note.evaluate((n) => n.closest('[role="status"]')!.id));
      // Answered in place (not by a plain post), focus still on the button pressed.
      expect(new URL(page.url()).search).toBe('');
      expect(await add.evaluate((button) => button === document.activeElement)).toBe(true);
      await quantity.fill('2');
      await add.click();
      await page.getByText('Added to your cart.').last().waitFor();
      expect(await quantity.getAttribute('aria-invalid')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('cart quantities without JavaScript', () => {
  it('Update still changes the quantity, and more than is left comes back to the field with the shop\'s message', async () => {
    const { context, page } = await shopperWith('plain-quantity@example.com', [[fleece.slug, 1], [tee.slug, 1]], { javaScriptEnabled: false, width: 375 });
    try {
      await page.goto(`${env.shop.url}/cart`);
      const quantity = page.getByLabel(`Quantity of ${fleece.name}`);
      const update = page.getByRole('button', { name: `Update quantity of ${fleece.name}` });
      expect(await update.isVisible()).toBe(true);
      await quantity.fill('2');
      await update.click();
      await page.waitForURL(/cart=updated/);
      expect(await quantity.inputValue()).toBe('2');
      expect(await page.getByText(/^Subtotal \(3 items\)$/).isVisible()).toBe(true);

      await quantity.fill('9');
      await update.click();
      await page.waitForURL(/cart=error/);
      const note = page.locator('.cart-line').getByText(`Only 3 left of ${fleece.name}.`);
      expect(await note.isVisible()).toBe(true);
      expect(await quantity.inputValue()).toBe('2');
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      expect(await quantity.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
      // Focus starts in the field the answer is about.
      expect(await focusedId(page)).toBe(`cart-quantity-${await idOf(fleece.slug)}`);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('the product page says beside the quantity that more is asked than is left', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/product/${fleece.slug}`);
      await page.getByLabel('Quantity', { exact: true }).fill('5');
      await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
      await page.waitForURL(/cart=error/);
      const note = page.getByText(`Only 3 left of ${fleece.name}.`);
      expect(await note.isVisible()).toBe(true);
      expect(await page.getByLabel('Quantity', { exact: true }).getAttribute('aria-describedby')).toBe(await note.evaluate((n) => n.closest('[role="status"]')!.id));
    } finally {
      await context.close();
    }
  }, 30_000);
});
