// Checkout, the shopper's orders and the admin's order and coupon pages, as a
// browser without JavaScript receives them, and their forms posted as plain forms.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { formatMoney } from '../format.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
  // Orders expire against the shop's clock; the countdown reads the real one.
  const behind = Date.now() - shop.clock.now();
  if (behind > 0) shop.clock.advance(behind);
});
afterAll(() => shop.close());

const text = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replace(/\s+/g, ' ');

async function page(path: string, cookie: string) {
  const res = await shop.fetch(path, { headers: { cookie } });
  const html = (await res.text()).replace(/<!--[\s\S]*?-->/g, '');
  return { status: res.status, html, text: text(html) };
}

function post(path: string, fields: Record<string, string>, cookie: string) {
  return shop.fetch(path, {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

const productId = async (slug: string) => (await shop.caller().product.get({ slug })).id;

/** A signed-in shopper with the given products in the cart. */
async function shopperWith(items: [slug: string, quantity: number][]) {
  const shopper = await shop.register();
  for (const [slug, quantity] of items) {
    const res = await shop.mutate('cart.add', { productId: await productId(slug), quantity }, shopper.cookie);
    expect(res.status).toBe(200);
  }
  return shopper;
}

const hidden = (html: string, name: string) => html.match(new RegExp(`<input[^>]*type="hidden"[^>]*name="${name}"[^>]*value="([^"]*)"`))?.[1];

/** The checkout form's fields as a shopper fills them. */
function checkoutFields(html: string, card: string, extra: Record<string, string> = {}) {
  return {
    idempotencyKey: hidden(html, 'idempotencyKey') ?? '',
    email: 'ada@example.com',
    'shippingAddress.firstName': 'Ada',
    'shippingAddress.lastName': 'Lovelace',
    'shippingAddress.street': '12 Analytical Way',
    'shippingAddress.city': 'Springfield',
    'shippingAddress.state': 'IL',
    'shippingAddress.zip': '62701',
    'shippingAddress.country': 'US',
    'card.number': card,
    'card.expMonth': '12',
    'card.expYear': String(new Date().getUTCFullYear() + 2),
    'card.cvv': '123',
    'card.name': 'Ada Lovelace',
    ...extra,
  };
}

const DECLINED = '4000 0000 0000 0002';
const PAYS = '4242 4242 4242 4242';

/** Places an order through the plain checkout form; returns its id. */
async function placeOrder(cookie: string, card: string) {
  const checkout = await page('/checkout', cookie);
  const res = await post('/checkout/place-order', checkoutFields(checkout.html, card), cookie);
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/orders\/\d+\?placed=1$/);
  return { id: Number(location.match(/\d+/)![0]), location };
}

describe('checkout page', () => {
  it('shows the order summary, the email of the account, the address and card forms and one button', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 2]]);
    const preview = await shop.caller(shopper.session).checkout.preview({});
    const { status, html, text } = await page('/checkout', shopper.cookie);
    expect(status).toBe(200);
    expect(text).toContain('Order summary');
    expect(text).toContain('Café Crème Espresso Beans');
    expect(text).toContain(`2 × ${formatMoney(1899)}`);
    expect(text).toContain(`Subtotal (2 items) ${formatMoney(preview.subtotalCents)}`);
    expect(text).toMatch(/Shipping (Free|\$\d+\.\d\d)/);
    expect(text).toContain(`Tax ${formatMoney(preview.taxCents)}`);
    expect(text).toContain(`Total ${formatMoney(preview.totalCents)}`);
    const form = html.match(/<form[^>]*action="\/checkout\/place-order"[\s\S]*?<\/form>/)?.[0] ?? '';
    expect(form).toContain('method="post"');
    expect(form).toMatch(new RegExp(`<input[^>]*name="email"[^>]*value="${shopper.email}"`));
    for (const name of ['shippingAddress.firstName', 'shippingAddress.street', 'shippingAddress.zip', 'card.number', 'card.cvv', 'card.name']) {
      expect(form).toContain(`name="${name}"`);
    }
    expect(form).toMatch(/<select[^>]*name="card.expMonth"/);
    expect(form).toMatch(/<select[^>]*name="shippingAddress.country"/);
    expect(hidden(form, 'idempotencyKey')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(text).toContain('4242 4242 4242 4242 pays');
    expect(text).toContain('4000 0000 0000 0002 is declined');
    expect(form.match(/type="submit"/g)).toHaveLength(1);
    expect(text).toContain(`Place order and pay ${formatMoney(preview.totalCents)}`);
    // Every render is a new order attempt.
    expect(hidden((await page('/checkout', shopper.cookie)).html, 'idempotencyKey')).not.toBe(hidden(form, 'idempotencyKey'));
  });

  it('sends shoppers with an empty cart, or lines that cannot be bought, back to the cart', async () => {
    const empty = await shopperWith([]);
    const { text, html } = await page('/checkout', empty.cookie);
    expect(text).toContain('There is nothing to check out');
    expect(text).toContain('Your cart is empty.');
    expect(html).toContain('href="/cart"');
    expect(html).not.toContain('action="/checkout/place-order"');

    const short = await shopperWith([['quarter-zip-fleece-sweatshirt', 3]]);
    await shop.db.updateTable('products').set({ stock: 1 }).where('slug', '=', 'quarter-zip-fleece-sweatshirt').execute();
    try {
      const view = await page('/checkout', short.cookie);
      expect(view.text).toContain('Your cart needs a change before you can order');
      expect(view.text).toContain('Only 1 of');
      expect(view.text).toContain('Review your cart');
      expect(view.html).not.toContain('action="/checkout/place-order"');
    } finally {
      await shop.db.updateTable('products').set({ stock: 3 }).where('slug', '=', 'quarter-zip-fleece-sweatshirt').execute();
    }
  });

  it('applies a coupon from ?coupon= (a plain GET form) and says why one does not apply', async () => {
    await shop.caller({ userId: 1, role: 'admin', sessionId: 'x' }).admin.coupon.create({ code: 'TENOFF', kind: 'percent', percent: 10, description: '10% off everything' });
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 2]]);
    const coupon = (await page('/checkout', shopper.cookie)).html.match(/<form[^>]*method="get"[^>]*action="\/checkout"[^>]*aria-label="Coupon"[\s\S]*?<\/form>/)?.[0] ?? '';
    expect(coupon).toMatch(/<input[^>]*name="coupon"/);
    const applied = await page('/checkout?coupon=tenoff', shopper.cookie);
    const priced = await shop.caller(shopper.session).checkout.preview({ couponCode: 'TENOFF' });
    expect(priced.discountCents).toBeGreaterThan(0);
    expect(applied.text).toContain('TENOFF applied — 10% off everything');
    expect(applied.text).toContain(`Discount (TENOFF) −${formatMoney(priced.discountCents)}`);
    expect(applied.text).toContain(`Total ${formatMoney(priced.totalCents)}`);
    expect(hidden(applied.html, 'couponCode')).toBe('TENOFF');
    const wrong = await page('/checkout?coupon=NOPE', shopper.cookie);
    expect(wrong.html).toMatch(/class="coupon-problem[^"]*"[^>]*>[^<]+/);
    expect(wrong.html).toMatch(/<input[^>]*name="coupon"[^>]*aria-invalid="true"/);
    expect(hidden(wrong.html, 'couponCode')).toBeUndefined();
    expect(wrong.html).toContain('action="/checkout/place-order"');
  });

  it('offers saved addresses and fills the form with the default one, or the one picked', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const save = (street: string, isDefault: boolean) =>
      shop.mutate('user.saveAddress', { firstName: 'Ada', lastName: 'L', street, city: 'Berlin', state: '', zip: '10115', country: 'DE', isDefault }, shopper.cookie);
    await save('Erste Straße 1', false);
    await save('Zweite Straße 2', true);
    const [first] = (await shop.caller(shopper.session).user.addresses()).filter((a) => a.street === 'Erste Straße 1');
    const { html } = await page('/checkout', shopper.cookie);
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/checkout"[\s\S]*?name="address"[\s\S]*?Use this address/);
    expect(html).toMatch(/<input[^>]*name="shippingAddress.street"[^>]*value="Zweite Straße 2"/);
    const picked = await page(`/checkout?address=${first!.id}`, shopper.cookie);
    expect(picked.html).toMatch(/<input[^>]*name="shippingAddress.street"[^>]*value="Erste Straße 1"/);
    expect(picked.html).toMatch(/<option[^>]*value="DE"[^>]*selected/);
  });

  it('shows what to fix beside each field after a failed plain post, and never shows the card number again', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const checkout = await page('/checkout', shopper.cookie);
    const res = await post('/checkout/place-order', checkoutFields(checkout.html, '4242 4242 4242 4241', { 'shippingAddress.city': '' }), shopper.cookie);
    expect(res.status).toBe(400);
    const html = (await res.text()).replace(/<!--[\s\S]*?-->/g, '');
    expect(html).toContain('Please correct the fields marked below.');
    expect(html).toMatch(/<input[^>]*name="shippingAddress.city"[^>]*aria-invalid="true"/);
    expect(html).not.toContain('4242 4242 4242 4241');
    expect(html).toMatch(/<input[^>]*name="shippingAddress.street"[^>]*value="12 Analytical Way"/);
    const badCard = await post('/checkout/place-order', checkoutFields(checkout.html, '4242 4242 4242 4241'), shopper.cookie);
    expect(badCard.status).toBe(400);
    const again = (await badCard.text()).replace(/<!--[\s\S]*?-->/g, '');
    expect(again).toMatch(/<input[^>]*name="card.number"[^>]*aria-invalid="true"/);
    expect(again).not.toContain('4242 4242 4242 4241');
    expect(again).not.toContain('"card.cvv":');
    expect(await shop.db.selectFrom('orders').select('id').where('userId', '=', shopper.user.id).execute()).toEqual([]);
  });
});

describe('order pages', () => {
  it('after a declined card: explains the decline, counts down, offers to pay again; paying shows it paid', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const { id, location } = await placeOrder(shopper.cookie, DECLINED);
    const declined = await page(location, shopper.cookie);
    expect(declined.status).toBe(200);
    expect(declined.text).toContain(`Order #${id}`);
    expect(declined.text).toContain('Awaiting payment');
    expect(declined.text).toContain('The payment was declined: Your card was declined. Please use another card.');
    expect(declined.text).toMatch(/Pay within 1[45]:\d\d or this order is cancelled automatically/);
    expect(declined.html).toMatch(/<form[^>]*action="\/orders\/pay"/);
    expect(declined.html).toMatch(/<form[^>]*action="\/orders\/cancel"/);
    expect(declined.text).toContain('Café Crème Espresso Beans');
    expect(declined.text).toContain('12 Analytical Way');
    expect(declined.text).toMatch(/Declined \$\d+\.\d\d/);

    const pay = await post(
      '/orders/pay',
      {
        orderId: String(id),
        idempotencyKey: hidden(declined.html.match(/<form[^>]*action="\/orders\/pay"[\s\S]*?<\/form>/)![0], 'idempotencyKey')!,
        'card.number': PAYS,
        'card.expMonth': '01',
        'card.expYear': String(new Date().getUTCFullYear() + 1),
        'card.cvv': '321',
      },
      shopper.cookie,
    );
    expect(pay.status).toBe(303);
    expect(pay.headers.get('location')).toBe(`/orders/${id}?payment=succeeded`);
    const paid = await page(pay.headers.get('location')!, shopper.cookie);
    expect(paid.text).toContain(`Thank you — order #${id} is paid.`);
    expect(paid.text).not.toContain('Pay within');
    expect(paid.html).not.toContain('action="/orders/pay"');
  });

  it('confirms an order paid at checkout, and lists it under /orders, newest first', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const older = await placeOrder(shopper.cookie, DECLINED);
    await shop.mutate('cart.add', { productId: await productId('cafe-creme-espresso-beans'), quantity: 2 }, shopper.cookie);
    const newer = await placeOrder(shopper.cookie, PAYS);
    const confirmation = await page(newer.location, shopper.cookie);
    expect(confirmation.text).toContain(`Thank you — order #${newer.id} is paid.`);
    expect(confirmation.text).toContain('Paid');

    const list = await page('/orders', shopper.cookie);
    expect(list.text).toContain('Your orders');
    const ids = [...list.html.matchAll(/href="\/orders\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([newer.id, older.id]);
    expect(list.text).toMatch(new RegExp(`Order #${newer.id} .*Paid .*\\$\\d+\\.\\d\\d 2 items`));
    expect(list.text).toContain('Awaiting payment');
    // The header links the orders for every signed-in shopper.
    expect(list.html).toMatch(/<a[^>]*href="\/orders"[^>]*>Orders<\/a>/);
  });

  it('cancels a pending order with a plain form post', async () => {
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const { id } = await placeOrder(shopper.cookie, DECLINED);
    const res = await post('/orders/cancel', { orderId: String(id) }, shopper.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/orders/${id}?cancelled=1`);
    const cancelled = await page(`/orders/${id}?cancelled=1`, shopper.cookie);
    expect(cancelled.text).toContain(`Order #${id} is cancelled.`);
    expect(cancelled.text).not.toContain('Pay within');
  });

  it('answers 404 for an unknown order, a malformed id and someone else’s order; signed-out visitors sign in first', async () => {
    const owner = await shopperWith([['cafe-creme-espresso-beans', 1]]);
    const { id } = await placeOrder(owner.cookie, PAYS);
    const other = await shop.register();
    expect((await page(`/orders/${id}`, other.cookie)).status).toBe(404);
    expect((await page('/orders/999999', other.cookie)).status).toBe(404);
    expect((await page('/orders/abc', other.cookie)).status).toBe(404);
    const signedOut = await shop.fetch(`/orders/${id}`, { redirect: 'manual' });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toContain('/sign-in');
  });
});

describe('admin order and coupon pages', () => {
  it('lists orders by status, shows one with its next step, ships it and lists coupons with their uses', async () => {
    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    await shop.caller({ userId: admin.user.id, role: 'admin', sessionId: 'x' }).admin.coupon.create({ code: 'FIVEOFF', kind: 'fixed', amountCents: 500 });
    const shopper = await shopperWith([['cafe-creme-espresso-beans', 2]]);
    const checkout = await page('/checkout?coupon=FIVEOFF', shopper.cookie);
    const placed = await post('/checkout/place-order', checkoutFields(checkout.html, PAYS, { couponCode: 'FIVEOFF' }), shopper.cookie);
    const id = Number(placed.headers.get('location')!.match(/\d+/)![0]);

    const paidList = await page('/admin/orders?status=paid', admin.cookie);
    expect(paidList.status).toBe(200);
    expect(paidList.html).toMatch(/<nav[^>]*aria-label="Admin"[\s\S]*href="\/admin\/coupons"/);
    expect(paidList.html).toContain(`href="/admin/orders/${id}"`);
    expect(paidList.html).not.toMatch(/Awaiting payment<\/span>/);
    expect((await page(`/admin/orders?q=${id}`, admin.cookie)).html).toContain(`href="/admin/orders/${id}"`);

    const detail = await page(`/admin/orders/${id}`, admin.cookie);
    expect(detail.text).toContain(`Order #${id}`);
    expect(detail.text).toContain('Mark as shipped');
    expect(detail.html).toMatch(/<form[^>]*action="\/admin\/orders\/refund"/);
    const shipped = await post('/admin/orders/ship', { orderId: String(id) }, admin.cookie);
    expect(shipped.headers.get('location')).toBe(`/admin/orders/${id}?saved=shipped`);
    const after = await page(`/admin/orders/${id}?saved=shipped`, admin.cookie);
    expect(after.text).toContain('The order is marked as shipped.');
    expect(after.text).toContain('Mark as completed');

    const coupons = await page('/admin/coupons', admin.cookie);
    expect(coupons.text).toMatch(/FIVEOFF .*\$5\.00 off/);
    expect(coupons.html).toMatch(/FIVEOFF[\s\S]*?class="redemptions">1</);
    const created = await post('/admin/coupons/new', { code: 'winter20', kind: 'percent', percent: '20', active: 'on', description: 'Winter sale' }, admin.cookie);
    expect(created.headers.get('location')).toBe('/admin/coupons?saved=created');
    const coupon = (await shop.caller({ userId: admin.user.id, role: 'admin', sessionId: 'x' }).admin.coupon.list()).find((c) => c.code === 'WINTER20')!;
    expect(coupon.active).toBe(true);
    const off = await post('/admin/coupons/active', { id: String(coupon.id), active: '0' }, admin.cookie);
    expect(off.headers.get('location')).toBe('/admin/coupons?saved=deactivated');
    expect((await page('/admin/coupons?saved=deactivated', admin.cookie)).text).toMatch(/WINTER20 Winter sale 20% off .* Off Activate/);

    // Shoppers get "admins only".
    expect((await page('/admin/orders', shopper.cookie)).status).toBe(403);
  });
});
