// POST /jobs/:name on the real app: each case places a real order (its order.expire
// message lands in the QStash stand-in), lets its deadline pass, and delivers that
// message with a signature minted here. Only a valid signature over the exact body
// and URL runs the job, which cancels the order.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { deduplicationId } from './qstash-scheduler.ts';
import { signQStash, startQStashStandIn, type QStashStandIn } from './testing/qstash.ts';
import { createTestShop, type TestShop } from './testing/test-shop.ts';

const CURRENT = 'sig_current_key_for_tests';
const NEXT = 'sig_next_key_for_tests';
const PUBLIC_URL = 'https://shop.test';
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };

let qstash: QStashStandIn;
let shop: TestShop;
let buyer: Awaited<ReturnType<TestShop['register']>>;
let productId: number;

beforeAll(async () => {
  let now = () => 0;
  qstash = startQStashStandIn({ token: 'webhook-token', now: () => now() });
  shop = await createTestShop({
    env: {
      SCHEDULER: 'qstash',
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: 'webhook-token',
      QSTASH_CURRENT_SIGNING_KEY: CURRENT,
      QSTASH_NEXT_SIGNING_KEY: NEXT,
      PUBLIC_URL,
    },
  });
  now = shop.clock.now;
  buyer = await shop.register();
  const at = shop.clock.now();
  ({ id: productId } = await shop.db
    .insertInto('products')
    .values({ slug: 'webhook-item', name: 'Webhook Item', description: 'A thing', priceCents: 1000, stock: 1000, imageUrl: '/img/x.svg', createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow());
});
afterAll(async () => {
  qstash?.stop();
  await shop?.close();
});

/** An unpaid order and the order.expire message its checkout published. */
async function unpaidOrder() {
  const api = shop.caller(buyer.session);
  await api.cart.add({ productId, quantity: 1 });
  const { orderId } = await api.checkout.placeOrder({ idempotencyKey: crypto.randomUUID(), email: buyer.email, shippingAddress: ADDRESS });
  const message = qstash.messages.find((m) => m.deduplicationId === deduplicationId(`order.expire:${orderId}`));
  if (!message) throw new Error(`order ${orderId} published no order.expire message`);
  return { orderId, message };
}

const statusOf = async (orderId: number) => (await shop.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;

function post(path: string, body: string, signature?: string) {
  return shop.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature !== undefined && { 'upstash-signature': signature }) }, body });
}

type Delivery = { signature: (message: { url: string; body: string }) => Promise<string | undefined>; body?: (body: string) => string };
const signed = (key: string, extra: { url?: string; ageSeconds?: number } = {}) => (m: { url: string; body: string }) =>
  signQStash({ signingKey: key, url: extra.url ?? m.url, body: m.body, ageSeconds: extra.ageSeconds });

const cases: [string, Delivery, number, 'cancelled' | 'pending_payment'][] = [
  ['signed with the current key', { signature: signed(CURRENT) }, 200, 'cancelled'],
  ['signed with the next key', { signature: signed(NEXT) }, 200, 'cancelled'],
  ['signed with another key', { signature: signed('sig_someone_else') }, 401, 'pending_payment'],
  ['with a body other than the signed one', { signature: signed(CURRENT), body: (b) => b.replace(/\d+/, (n) => String(Number(n) + 1)) }, 401, 'pending_payment'],
  ['signed for another URL', { signature: signed(CURRENT, { url: 'https://elsewhere.test/jobs/order.expire' }) }, 401, 'pending_payment'],
  ['signed for another job', { signature: signed(CURRENT, { url: `${PUBLIC_URL}/jobs/email.send` }) }, 401, 'pending_payment'],
  ['with an expired signature', { signature: signed(CURRENT, { ageSeconds: 600 }) }, 401, 'pending_payment'],
  ['with a malformed signature', { signature: async () => 'not.a-jwt' }, 401, 'pending_payment'],
  ['without a signature', { signature: async () => undefined }, 401, 'pending_payment'],
];

describe('POST /jobs/:name', () => {
  for (const [what, delivery, status, orderStatus] of cases) {
    it(`${status === 200 ? 'runs' : 'refuses'} a delivery ${what}`, async () => {
      const { orderId, message } = await unpaidOrder();
      shop.clock.advance(900_000);
      expect(message.destination).toBe(`${PUBLIC_URL}/jobs/order.expire`);
      const body = delivery.body?.(message.body) ?? message.body;
      const res = await post('/jobs/order.expire', body, await delivery.signature({ url: message.destination, body: message.body }));
      expect(res.status).toBe(status);
      if (status === 401) expect(res.headers.get('content-type')).toStartWith('text/plain');
      expect(await statusOf(orderId)).toBe(orderStatus);
    });
  }

  it('answers 500 when the job throws (logged with the request id), so QStash retries; the retry then runs it', async () => {
    const { orderId, message } = await unpaidOrder();
    const deliver = async () => post('/jobs/order.expire', message.body, await signQStash({ signingKey: CURRENT, url: message.destination, body: message.body }));
    // Delivered before the deadline: order.expire refuses to cancel early.
    const early = await deliver();
    expect(early.status).toBe(500);
    const id = early.headers.get('x-request-id')!;
    expect(await early.text()).toContain(id);
    expect(shop.logger.errors.at(-1)!.line).toBe(`job order.expire failed (QStash message ?, retried 0), request ${id}`);
    expect(await statusOf(orderId)).toBe('pending_payment');
    shop.clock.advance(900_000);
    expect((await deliver()).status).toBe(200);
    expect(await statusOf(orderId)).toBe('cancelled');
  });

  it('answers 404 for a job it does not know, once the signature for that URL checks out', async () => {
    const body = '{"orderId":1}';
    const url = `${PUBLIC_URL}/jobs/order.refund`;
    expect((await post('/jobs/order.refund', body, await signQStash({ signingKey: CURRENT, url, body }))).status).toBe(404);
    expect((await post('/jobs/order.refund', body)).status).toBe(401);
  });

  it('answers 400 to a signed body that is not JSON, running nothing', async () => {
    const body = 'orderId=1';
    const res = await post('/jobs/order.expire', body, await signQStash({ signingKey: CURRENT, url: `${PUBLIC_URL}/jobs/order.expire`, body }));
    expect(res.status).toBe(400);
  });

  it('needs no Origin header: QStash is not a browser', async () => {
    const { orderId, message } = await unpaidOrder();
    shop.clock.advance(900_000);
    const signature = await signQStash({ signingKey: CURRENT, url: message.destination, body: message.body });
    const res = await shop.fetch('/jobs/order.expire', { method: 'POST', headers: { 'upstash-signature': signature, origin: 'https://qstash.upstash.io' }, body: message.body });
    expect([res.status, await statusOf(orderId)]).toEqual([200, 'cancelled']);
  });
});

describe('POST /jobs/:name without QStash signing keys', () => {
  it('does not exist (404), signed or not', async () => {
    const local = await createTestShop();
    try {
      const body = '{"orderId":1}';
      const signature = await signQStash({ signingKey: CURRENT, url: `${local.config.publicUrl}/jobs/order.expire`, body });
      for (const headers of [{ 'upstash-signature': signature }, {}] as Record<string, string>[]) {
        const res = await local.fetch('/jobs/order.expire', { method: 'POST', headers, body });
        expect(res.status).toBe(404);
      }
    } finally {
      await local.close();
    }
  });
});
