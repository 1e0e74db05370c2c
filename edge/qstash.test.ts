// The QStash scheduler on the built Worker in workerd (Miniflare): checkout
// publishes the order's payment deadline to QStash (the stand-in, reached through
// the Worker's outbound fetch), and the Worker's POST /jobs/:name checks QStash's
// signature with Web Crypto before it runs the job.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { SESSION_COOKIE } from '../routers/user/cookie.ts';
import { signQStash, type QStashStandIn } from '../server/testing/qstash.ts';
import { QSTASH_SIGNING_KEY as SIGNING_KEY, startShopWorker, type ShopWorker } from './testing/shop-worker.ts';

const PUBLIC_URL = 'https://shop.test';
let worker: ShopWorker;
let qstash: QStashStandIn;
let mf: ShopWorker['mf'];
let ORIGIN: string;

beforeAll(async () => {
  worker = await startShopWorker({
    qstash: true,
    bindings: {
      PUBLIC_URL,
      SCHEDULER: 'qstash',
      // Order timers through QStash too (the default is an OrderTimer per order: edge/order-timer.test.ts).
      ORDER_TIMERS: 'qstash',
      // Due as soon as it is placed: the Worker's clock is the real one.
      ORDER_PAYMENT_TIMEOUT_SECONDS: '0',
    },
  });
  ({ mf, origin: ORIGIN } = worker);
  qstash = worker.qstash!;
}, 30_000);

afterAll(() => worker?.close());

/** A shopper's tRPC calls on the Worker, with its session cookie. */
function shopper() {
  let cookie = '';
  return async (path: string, input?: unknown) => {
    const init = input === undefined ? {} : { method: 'POST', body: JSON.stringify(input) };
    const headers = { cookie, ...(input !== undefined && { origin: ORIGIN, 'content-type': 'application/json' }) };
    const res = await mf.dispatchFetch(`${ORIGIN}/trpc/${path}`, { ...init, headers });
    const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (session) cookie = session;
    const body = (await res.json()) as any;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.error?.message}`);
    return body.result.data;
  };
}

describe('QStash on the Worker', () => {
  it('publishes an order’s deadline at checkout, and runs it when QStash delivers it signed, not otherwise', async () => {
    const trpc = shopper();
    const email = `qstash-${Date.now()}@example.com`;
    await trpc('user.register', { email, password: 'correct horse battery', confirmPassword: 'correct horse battery', name: 'Edge Shopper' });
    const { items } = await trpc(`product.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 24 }))}`);
    const product = (items as { id: number; stock: number }[]).find((item) => item.stock > 0)!;
    await trpc('cart.add', { productId: product.id, quantity: 1 });
    const address = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };
    const { orderId } = await trpc('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email, shippingAddress: address });

    const publish = qstash.requests.find((r) => r.path === '/v2/publish/https://shop.test/jobs/order.expire');
    expect(publish?.headers.get('upstash-deduplication-id')).toBe(`order.expire_3A${orderId}`);
    expect(publish?.headers.get('upstash-not-before')).toMatch(/^\d+$/);
    expect(JSON.parse(publish!.body)).toEqual({ orderId });

    const deliver = (body: string, signature: string) =>
      mf.dispatchFetch(`${ORIGIN}/jobs/order.expire`, { method: 'POST', headers: { 'upstash-signature': signature, 'content-type': 'application/json' }, body });
    const url = `${PUBLIC_URL}/jobs/order.expire`;
    const forged = await deliver(publish!.body, await signQStash({ signingKey: 'sig_not_ours', url, body: publish!.body }));
    expect(forged.status).toBe(401);
    expect((await trpc(`order.get?input=${encodeURIComponent(JSON.stringify({ orderId }))}`)).status).toBe('pending_payment');

    const signed = await deliver(publish!.body, await signQStash({ signingKey: SIGNING_KEY, url, body: publish!.body }));
    expect(signed.status).toBe(200);
    expect((await trpc(`order.get?input=${encodeURIComponent(JSON.stringify({ orderId }))}`)).status).toBe('cancelled');
  });
});
