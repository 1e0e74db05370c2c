// Checkout, payment and expiry against the real app on a temporary database,
// each invariant of ARCHITECTURE.md with a test that fails when it is breached.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { openDatabase } from '../../db/client.ts';
import { jobRunner } from '../../server/local/scheduler.ts';
import { recordingLogger } from '../../server/testing/logger.ts';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { createCoupon } from '../coupon/coupons.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const GOOD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvv: '123' };
const DECLINED = { ...GOOD, number: '4000 0000 0000 0002' };
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };
let keys = 0;
const key = () => `test-key-${++keys}-${crypto.randomUUID()}`;

/** A product of its own per test, so tests do not share stock. */
async function product(stock: number, priceCents = 2500) {
  const n = ++keys;
  const now = shop.clock.now();
  const { id } = await shop.db
    .insertInto('products')
    .values({ slug: `checkout-item-${n}`, name: `Checkout Item ${n}`, description: 'A thing', priceCents, stock, imageUrl: '/img/x.svg', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A signed-in buyer with `quantity` of the product in the cart. */
async function buyer(productId: number, quantity = 1) {
  const { session, email } = await shop.register();
  const api = shop.caller(session);
  await api.cart.add({ productId, quantity });
  return { api, session, email, order: (input: Record<string, unknown> = {}) => api.checkout.placeOrder({ idempotencyKey: key(), email, shippingAddress: ADDRESS, ...input }) };
}

const stockOf = async (id: number) => (await shop.db.selectFrom('products').select('stock').where('id', '=', id).executeTakeFirstOrThrow()).stock;
const count = async (table: 'orders' | 'payments', where: [string, number][] = []) => {
  let query = shop.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  for (const [column, value] of where) query = query.where(column as never, '=', value as never);
  return (await query.executeTakeFirstOrThrow()).n;
};
const settled = (calls: Promise<unknown>[]) => Promise.allSettled(calls);

describe('checkout.preview', () => {
  it('prices the cart from the database: subtotal, coupon discount, flat shipping under the threshold, tax', async () => {
    const id = await product(10, 2000);
    const { api } = await buyer(id, 2);
    await createCoupon(shop.db, { code: 'TENOFF', kind: 'percent', percent: 10 }, shop.clock.now());
    const preview = await api.checkout.preview({ couponCode: 'tenoff' });
    // 4000 − 400 = 3600 of goods: under $75, so $5.99 shipping; 8.25 % tax of 3600 = 297.
    expect(preview).toMatchObject({ subtotalCents: 4000, discountCents: 400, shippingCents: 599, taxCents: 297, totalCents: 4496, currency: 'USD' });
    expect(preview.coupon).toEqual({ code: 'TENOFF', description: expect.any(String) });
    expect(preview.problems).toEqual([]);
    expect(preview.lines).toEqual([expect.objectContaining({ productId: id, quantity: 2, unitPriceCents: 2000, lineTotalCents: 4000 })]);
  });

  it('ships free above the threshold', async () => {
    const { api } = await buyer(await product(10, 8000));
    expect(await api.checkout.preview()).toMatchObject({ subtotalCents: 8000, shippingCents: 0, taxCents: 660, totalCents: 8660 });
  });

  it('lists what would stop the order in words a shopper reads', async () => {
    const { session } = await shop.register();
    expect((await shop.caller(session).checkout.preview()).problems).toEqual([{ code: 'EMPTY_CART', message: 'Your cart is empty.' }]);
    const id = await product(5);
    const { api } = await buyer(id, 4);
    await shop.db.updateTable('products').set({ stock: 2 }).where('id', '=', id).execute();
    const { problems } = await api.checkout.preview({ couponCode: 'NOPE' });
    expect(problems.map((p) => p.code)).toEqual(['NOT_ENOUGH_STOCK', 'INVALID_COUPON']);
    expect(problems[0]!.message).toMatch(/^Only 2 of Checkout Item \d+ left/);
  });
});

describe('checkout.placeOrder', () => {
  it('reserves stock, snapshots the lines, charges a good card, empties the cart and cancels the payment timer', async () => {
    const id = await product(7, 3000);
    const { api, order } = await buyer(id, 3);
    const placed = await order({ card: GOOD });
    expect(placed).toMatchObject({ status: 'paid', totalCents: 9000 + 743, currency: 'USD', payment: { status: 'succeeded' } });
    expect(placed.payment.transactionId).toMatch(/^txn_/);
    expect(await stockOf(id)).toBe(4);
    expect((await api.cart.get()).items).toEqual([]);
    const detail = await api.order.get({ orderId: placed.orderId });
    expect(detail.lines).toEqual([expect.objectContaining({ productId: id, quantity: 3, unitPriceCents: 3000 })]);
    expect(detail.history.map((h) => h.toStatus)).toEqual(['pending_payment', 'paid']);
    expect(detail.payments).toEqual([expect.objectContaining({ status: 'succeeded', brand: 'visa', last4: '4242', amountCents: placed.totalCents })]);
    const timer = await shop.db.selectFrom('jobs').select('status').where('key', '=', `order.expire:${placed.orderId}`).executeTakeFirstOrThrow();
    expect(timer.status).toBe('cancelled');
  });

  it('never stores or logs the card number or CVV', async () => {
    const { order } = await buyer(await product(3));
    await order({ card: { ...GOOD, cvv: '987' } });
    const rows = JSON.stringify(await shop.db.selectFrom('payments').selectAll().execute());
    const keysTable = JSON.stringify(await shop.db.selectFrom('idempotency_keys').selectAll().execute());
    const logged = JSON.stringify([shop.logger.lines, shop.logger.errors.map((e) => [e.line, String(e.error)])]);
    for (const text of [rows, keysTable, logged]) {
      expect(text).not.toContain('4242424242424242');
      // As a value of its own: random ids (request ids, transaction ids) may hold the digits.
      expect(text).not.toMatch(/(?<![0-9a-f])987(?![0-9a-f])/);
    }
  });

  it('sells exactly the units in stock to 20 simultaneous buyers of the last 5', async () => {
    const id = await product(5);
    const buyers = await Promise.all(Array.from({ length: 20 }, () => buyer(id)));
    const results = await settled(buyers.map((b) => b.order({ card: GOOD })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(await stockOf(id)).toBe(0);
    const orders = await shop.db.selectFrom('order_lines').select('orderId').where('productId', '=', id).execute();
    expect(orders).toHaveLength(5);
    // The ones who missed out keep their cart and were told why.
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason.message)).toEqual(Array(15).fill(expect.stringMatching(/sold out|Only 0 of|is sold out/)));
    const losers = buyers.filter((_, i) => results[i]!.status === 'rejected');
    for (const b of losers) expect((await b.api.cart.get()).items).toHaveLength(1);
  });

  it('answers 30 simultaneous replays of one idempotency key with one order and one charge', async () => {
    const id = await product(10);
    const { order } = await buyer(id, 2);
    const idempotencyKey = key();
    const results = await Promise.all(Array.from({ length: 30 }, () => order({ idempotencyKey, card: GOOD })));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.every((r) => JSON.stringify(r) === JSON.stringify(results[0]))).toBe(true);
    expect(await count('payments', [['orderId', results[0]!.orderId]])).toBe(1);
    expect(await stockOf(id)).toBe(8);
    // A later replay still gets the first answer.
    expect(await order({ idempotencyKey, card: GOOD })).toEqual(results[0]!);
  });

  it('takes over a key whose first call stopped mid-way (a crashed process), instead of waiting on it forever', async () => {
    const id = await product(4);
    const { session, order } = await buyer(id);
    const idempotencyKey = key();
    await shop.db
      .insertInto('idempotency_keys')
      .values({ userId: session.userId, scope: 'checkout', key: idempotencyKey, requestHash: 'left by a crash', response: null, createdAt: shop.clock.now() })
      .execute();
    shop.clock.advance(61_000);
    expect((await order({ idempotencyKey, card: GOOD })).status).toBe('paid');
    expect(await stockOf(id)).toBe(3);
  });

  it('refuses the same key for a different address or a different cart (CONFLICT)', async () => {
    const id = await product(10);
    const { api, order } = await buyer(id);
    const idempotencyKey = key();
    await order({ idempotencyKey });
    await expect(order({ idempotencyKey, shippingAddress: { ...ADDRESS, city: 'Paris' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await api.cart.add({ productId: id, quantity: 2 });
    await expect(order({ idempotencyKey })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('leaves a declined order pending and payable again until its deadline; each test card gives its outcome', async () => {
    const id = await product(10);
    const { api, order } = await buyer(id);
    const placed = await order({ card: DECLINED });
    expect(placed).toMatchObject({ status: 'pending_payment', payment: { status: 'declined', declineCode: 'card_declined' } });
    expect(placed.expiresAt).toBe(shop.clock.now() + 900_000);
    for (const [number, declineCode] of [
      ['4000 0000 0000 9995', 'insufficient_funds'],
      ['4000 0000 0000 0069', 'expired_card'],
      ['4000 0000 0000 0119', 'processing_error'],
    ] as const) {
      expect(await api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: { ...GOOD, number } })).toMatchObject({ status: 'declined', declineCode });
    }
    // Any other valid number (a Mastercard here) succeeds.
    expect(await api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: { ...GOOD, number: '5555 5555 5555 4444' } })).toMatchObject({
      status: 'succeeded',
    });
    expect((await api.order.get({ orderId: placed.orderId })).status).toBe('paid');
    await expect(api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.payment.list({ orderId: placed.orderId })).map((p) => p.status)).toEqual(['declined', 'declined', 'declined', 'declined', 'succeeded']);
  });

  it('refuses an invalid card by field before any order exists', async () => {
    const id = await product(3);
    const { order } = await buyer(id);
    const before = await count('orders');
    await expect(order({ card: { ...GOOD, number: '4242 4242 4242 4241' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not valid/) });
    expect(await count('orders')).toBe(before);
    expect(await stockOf(id)).toBe(3);
  });

  it('charges two simultaneous payments of one order once', async () => {
    const { api, order } = await buyer(await product(3));
    const placed = await order();
    const results = await settled(Array.from({ length: 6 }, () => api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await count('payments', [['orderId', placed.orderId]])).toBe(1);
  });

  it('redeems a coupon with one use left exactly once among simultaneous checkouts', async () => {
    const id = await product(20);
    await createCoupon(shop.db, { code: 'LASTONE', kind: 'fixed', amountCents: 500, maxRedemptions: 1 }, shop.clock.now());
    const buyers = await Promise.all(Array.from({ length: 8 }, () => buyer(id)));
    const results = await settled(buyers.map((b) => b.order({ couponCode: 'LASTONE' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await stockOf(id)).toBe(19);
    const coupon = await shop.db.selectFrom('coupons').select('redemptionCount').where('code', '=', 'LASTONE').executeTakeFirstOrThrow();
    expect(coupon.redemptionCount).toBe(1);
  });
});

describe('orders that are not paid', () => {
  it('cancel at their deadline exactly once, giving back stock and the coupon use', async () => {
    const id = await product(4);
    await createCoupon(shop.db, { code: 'ONEUSE', kind: 'percent', percent: 5, maxRedemptions: 1 }, shop.clock.now());
    const { api, order } = await buyer(id, 3);
    const placed = await order({ couponCode: 'ONEUSE' });
    expect(await stockOf(id)).toBe(1);
    shop.clock.advance(899_000);
    await shop.jobs.runDue();
    expect((await api.order.get({ orderId: placed.orderId })).status).toBe('pending_payment');
    shop.clock.advance(1_000);
    await shop.jobs.runDue();
    const cancelled = await api.order.get({ orderId: placed.orderId });
    expect([cancelled.status, cancelled.cancelReason]).toEqual(['cancelled', 'timeout']);
    expect(await stockOf(id)).toBe(4);
    expect((await shop.db.selectFrom('coupons').select('redemptionCount').where('code', '=', 'ONEUSE').executeTakeFirstOrThrow()).redemptionCount).toBe(0);
    // A second delivery of the job changes nothing; the order can no longer be paid.
    await shop.jobs.runDue();
    const { cancelOrder } = await import('../order/cancel.ts');
    expect(await cancelOrder(shop, placed.orderId, 'timeout')).toBe(false);
    expect(await stockOf(id)).toBe(4);
    expect(cancelled.history.map((h) => h.toStatus)).toEqual(['pending_payment', 'cancelled']);
    await expect(api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('are paid or cancelled, never both, when payment races cancellation', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await product(2);
      const { api, order } = await buyer(id);
      const placed = await order();
      await settled([api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD }), api.order.cancel({ orderId: placed.orderId })]);
      const after = await api.order.get({ orderId: placed.orderId });
      const charged = after.payments.filter((p) => p.status === 'succeeded').length;
      expect([after.status === 'paid' && charged === 1 && (await stockOf(id)) === 1, after.status === 'cancelled' && charged === 0 && (await stockOf(id)) === 2]).toContain(true);
    }
  });

  it('still cancel when the deadline passed while the shop was down (restart)', async () => {
    const id = await product(3);
    const { api, order } = await buyer(id, 2);
    const placed = await order();
    shop.clock.advance(3_600_000);
    // A new process: its own connection to the same database file and a fresh runner.
    const { db } = await openDatabase(shop.config.databaseUrl);
    try {
      const runner = jobRunner({ deps: { db, carts: shop.carts, scheduler: shop.scheduler, mail: shop.mail, clock: shop.clock, config: shop.config }, logger: recordingLogger() });
      expect(await runner.runDue()).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
    expect((await api.order.get({ orderId: placed.orderId })).status).toBe('cancelled');
    expect(await stockOf(id)).toBe(3);
  });

  it('can be cancelled by their shopper, not by anyone else, and cannot be seen by anyone else', async () => {
    const { api, order } = await buyer(await product(3));
    const placed = await order();
    const stranger = shop.caller((await shop.register()).session);
    const calls: (() => Promise<unknown>)[] = [
      () => stranger.order.get({ orderId: placed.orderId }),
      () => stranger.order.cancel({ orderId: placed.orderId }),
      () => stranger.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD }),
      () => stranger.payment.list({ orderId: placed.orderId }),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'We could not find that order.' });
    }
    await expect(stranger.order.get({ orderId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'We could not find that order.' });
    expect((await stranger.order.list()).items).toEqual([]);
    expect((await api.order.cancel({ orderId: placed.orderId })).status).toBe('cancelled');
    await expect(api.order.cancel({ orderId: placed.orderId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('admin.order', () => {
  it('ships, completes and refunds paid orders through legal steps only; non-admins are refused', async () => {
    const id = await product(5);
    const { order, session } = await buyer(id, 2);
    const placed = await order({ card: GOOD });
    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const staff = shop.caller({ ...admin.session, role: 'admin' });
    await expect(shop.caller(session).admin.order.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await staff.admin.order.list({ status: 'paid' })).items.map((o) => o.id)).toContain(placed.orderId);
    await expect(staff.admin.order.complete({ orderId: placed.orderId })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await staff.admin.order.refund({ orderId: placed.orderId, restock: true })).status).toBe('refunded');
    expect(await stockOf(id)).toBe(5);
    const second = await (await buyer(id)).order({ card: GOOD });
    expect((await staff.admin.order.markShipped({ orderId: second.orderId })).status).toBe('shipped');
    expect((await staff.admin.order.complete({ orderId: second.orderId })).status).toBe('completed');
  });
});
