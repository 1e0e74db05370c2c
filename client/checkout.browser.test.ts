// Checkout in a real browser: a signed-in shopper with a cart pays with a card that
// is declined, reads why, pays again with a good card and sees the order paid —
// with JavaScript and, the same way, with it switched off (plain form posts).
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const AXE = require.resolve('axe-core/axe.min.js');

/** WCAG A/AA violations axe-core finds on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations;
  })) as { id: string; nodes: { target: string[] }[] }[];
  return violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** On a phone: nothing wider than the screen, and nothing axe-core objects to. */
async function fitsAPhone(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await axeViolations(page)).toEqual([]);
  // Back to the width the test runs at (on a phone the header folds the account links away).
  if (before) await page.setViewportSize(before);
}
const SHOTS = process.env.SHOTS_DIR; // e.g. /tmp/shots: screenshots of the pages at phone and desktop widths

const idOf = async (slug: string) =>
  (await env.shop.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/** A new account with two products in its cart; its cookies for a browser context. */
async function shopperWithCart(email: string) {
  const { header, cookies } = await signedInCookies(env.shop, email);
  for (const [slug, quantity] of [['cafe-creme-espresso-beans', 2], ['organic-cotton-pocket-tee', 1]] as const) {
    expect((await trpcPost(env.shop, 'cart.add', { productId: await idOf(slug), quantity }, header)).status).toBe(200);
  }
  return cookies;
}

async function fillCard(form: ReturnType<Page['getByRole']>, number: string) {
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Expiry month').selectOption('12');
  await form.getByLabel('Expiry year').selectOption(String(new Date().getUTCFullYear() + 2));
  await form.getByLabel('CVV').fill('123');
}

async function checkOut(page: Page, javaScript: boolean) {
  await page.goto(`${env.shop.url}/checkout`);
  const form = page.getByRole('form', { name: 'Place your order' });
  expect(await form.getByLabel('Email for order updates').inputValue()).toMatch(/@example\.com$/);
  await form.getByLabel('First name').fill('Ada');
  await form.getByLabel('Last name').fill('Lovelace');
  await form.getByLabel('Street and number').fill('12 Analytical Way');
  await form.getByLabel('City').fill('Springfield');
  await form.getByLabel('ZIP or postal code').fill('62701');
  await form.getByLabel('Name on card (optional)').fill('Ada Lovelace');
  await fillCard(form, '4000 0000 0000 0002');
  if (javaScript) await fitsAPhone(page);
  if (SHOTS && javaScript) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/checkout-${width}.png`, fullPage: true });
    }
  }
  await form.getByRole('button', { name: /^Place order and pay \$\d+\.\d\d$/ }).click();
  await page.waitForURL(/\/orders\/\d+\?placed=1$/);
  const orderId = Number(new URL(page.url()).pathname.split('/').pop());

  // Declined: the reason, the countdown and a way to pay again.
  await page.getByText('The payment was declined: Your card was declined. Please use another card.').waitFor();
  expect(await page.getByRole('heading', { level: 1, name: `Order #${orderId}` }).isVisible()).toBe(true);
  expect(await page.getByText(/^Pay within 1[45]:\d\d or this order is cancelled automatically\.$/).isVisible()).toBe(true);
  if (javaScript) {
    // The countdown runs.
    const before = await page.locator('.countdown strong').textContent();
    await page.waitForFunction((text) => document.querySelector('.countdown strong')?.textContent !== text, before, { timeout: 5000 });
  }
  if (SHOTS && javaScript) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/order-declined-${width}.png`, fullPage: true });
    }
  }
  if (javaScript) await fitsAPhone(page);
  const pay = page.getByRole('form', { name: 'Pay now' });
  await fillCard(pay, '4242 4242 4242 4242');
  await pay.getByRole('button', { name: /^Pay \$\d+\.\d\d now$/ }).click();
  await page.waitForURL(new RegExp(`/orders/${orderId}\\?payment=succeeded$`));
  await page.getByText(`Thank you — order #${orderId} is paid.`).waitFor();
  expect(await page.getByText('Pay within').count()).toBe(0);
  if (SHOTS && javaScript) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/order-paid-${width}.png`, fullPage: true });
    }
  }
  // Both attempts are on the order, and the order is in the list.
  expect(await page.locator('.payment').count()).toBe(2);
  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await page.waitForURL(`${env.shop.url}/orders`);
  expect(await page.getByRole('link', { name: new RegExp(`Order #${orderId}`) }).isVisible()).toBe(true);
  // The cart was emptied by the order.
  expect(await page.getByRole('link', { name: 'Cart 0 items', exact: true }).isVisible()).toBe(true);
  return orderId;
}

describe('checkout in Chromium', () => {
  it('declined card, then paid: with JavaScript', async () => {
    const cookies = await shopperWithCart('checkout-js@example.com');
    const context = await env.browser.newContext({ bypassCSP: true });
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const id = await checkOut(page, true);
      const status = await env.shop.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      expect(status.status).toBe('paid');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('declined card, then paid: with JavaScript switched off (plain form posts)', async () => {
    const cookies = await shopperWithCart('checkout-nojs@example.com');
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      const id = await checkOut(page, false);
      const status = await env.shop.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      expect(status.status).toBe('paid');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('with JavaScript, a saved address fills the form when picked, and a coupon re-prices without losing what was typed', async () => {
    const cookies = await shopperWithCart('checkout-picker@example.com');
    const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const [street, isDefault] of [['1 First Street', true], ['2 Second Avenue', false]] as const) {
      const res = await trpcPost(env.shop, 'user.saveAddress', { firstName: 'Ada', lastName: 'L', street, city: 'Austin', state: 'TX', zip: '73301', country: 'US', isDefault }, header);
      expect(res.status).toBe(200);
    }
    const context = await env.browser.newContext();
    try {
      await context.addCookies(cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${env.shop.url}/checkout`);
      const street = page.getByRole('form', { name: 'Place your order' }).getByLabel('Street and number');
      expect(await street.inputValue()).toBe('1 First Street');
      await page.getByRole('radio', { name: /2 Second Avenue/ }).check();
      expect(await street.inputValue()).toBe('2 Second Avenue');
      await page.getByRole('radio', { name: 'A new address' }).check();
      expect(await street.inputValue()).toBe('');
      await street.fill('3 Typed Road');
      await page.getByLabel('Coupon code').fill('NOSUCHCODE');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.locator('.coupon-problem').waitFor();
      expect(await street.inputValue()).toBe('3 Typed Road');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
