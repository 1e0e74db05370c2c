// OrderTimer Durable Objects on the built Worker in workerd (Miniflare), with jobs
// (email) through the QStash stand-in as in production: checkout sets the order's
// timer, its alarm cancels the unpaid order at the deadline (stock back, email
// queued through QStash), payment stops it, a timer for a paid order does nothing,
// and an alarm that throws midway is retried by the runtime and cancels once.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { openDatabase } from '../db/client.ts';
import type { Db } from '../db/database.ts';
import { shopper, type Shopper } from '../server/testing/shopper.ts';
import type { OrderTimer, TimerRow } from './order-timer.ts';
import { startShopWorker, type ShopWorker } from './testing/shop-worker.ts';

const PUBLIC_URL = 'https://shop.test';
const TIMEOUT_SECONDS = 2;
const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvv: '123' };
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };

let worker: ShopWorker;
let db: Db;
let shop: Shopper;
let email: string;
/** Each order holds a product of its own, so stock counts do not mix. */
let products: { id: number; stock: number }[];
const orders: Record<'expires' | 'paid' | 'retried', number> = { expires: 0, paid: 0, retried: 0 };
let retriedFault: Promise<void>;

/** The OrderTimer of an order, called from the test over RPC. */
async function timer(orderId: number) {
  const namespace = await worker.mf.getDurableObjectNamespace('ORDER_TIMER');
  return namespace.get(namespace.idFromName(`order.expire:${orderId}`)) as unknown as Pick<OrderTimer, 'schedule' | 'cancel' | 'deadline'> & { state(): Promise<TimerRow | null> };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await Bun.sleep(100)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const orderStatus = async (orderId: number) => (await db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
const stockOf = async (productId: number) => (await db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()).stock;

async function placeOrder(product: { id: number }, quantity = 1): Promise<number> {
  await shop.mutate('cart.add', { productId: product.id, quantity });
  const { orderId } = await shop.mutate<{ orderId: number }>('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email, shippingAddress: ADDRESS });
  return orderId;
}

beforeAll(async () => {
  worker = await startShopWorker({ qstash: true, bindings: { PUBLIC_URL, SCHEDULER: 'qstash', ORDER_PAYMENT_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) } });
  ({ db } = await openDatabase(`file:${worker.dbPath}`));
  shop = shopper(worker.origin, (url, init) => worker.mf.dispatchFetch(url, init) as unknown as Promise<Response>);
  email = `timer-${Date.now()}@example.com`;
  await shop.mutate('user.register', { email, password: 'correct horse battery', confirmPassword: 'correct horse battery', name: 'Timer Shopper' });
  products = (await db.selectFrom('products').select(['id', 'stock']).where('stock', '>=', 5).orderBy('id').limit(3).execute());
  // Three orders now, so their deadlines run out together.
  orders.expires = await placeOrder(products[0]!, 2);
  orders.paid = await placeOrder(products[1]!);
  orders.retried = await placeOrder(products[2]!, 3);
  await shop.mutate('payment.pay', { orderId: orders.paid, card: GOOD_CARD, idempotencyKey: crypto.randomUUID() });
  // The retried order's alarm cancels it and publishes its email, then fails to record
  // the message (one database request): the alarm throws after the order was cancelled.
  retriedFault = worker.failNext((body) => body.includes('insert into \\"scheduled_messages\\"') && body.includes(`email:order-cancelled:${orders.retried}`));
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await worker?.close();
});

describe('OrderTimer Durable Objects (ORDER_TIMERS=durable-object, the default)', () => {
  it('checkout sets the order’s timer to its deadline; order.expire goes neither to QStash nor to the jobs table', async () => {
    const { expiresAt } = await db.selectFrom('orders').select('expiresAt').where('id', '=', orders.expires).executeTakeFirstOrThrow();
    const state = await (await timer(orders.expires)).state();
    expect(state).toMatchObject({ orderId: orders.expires, deadline: expiresAt });
    expect(worker.qstash!.requests.filter((r) => r.path.includes('/jobs/order.expire'))).toEqual([]);
    expect(await db.selectFrom('jobs').select('id').where('name', '=', 'order.expire').execute()).toEqual([]);
    // Jobs other than the timers do go to QStash: the welcome email, for one.
    expect(worker.qstash!.messages.some((m) => m.destination === `${PUBLIC_URL}/jobs/email.send`)).toBe(true);
  });

  it('at the deadline the alarm cancels the unpaid order, puts its stock back and queues the email through QStash', async () => {
    const product = products[0]!;
    expect(await stockOf(product.id)).toBe(product.stock - 2);
    await until('the order to be cancelled', async () => (await orderStatus(orders.expires)) === 'cancelled');
    expect(await stockOf(product.id)).toBe(product.stock);
    const state = await until('the timer to be done', async () => {
      const row = await (await timer(orders.expires)).state();
      return row?.state === 'done' && row;
    });
    expect(state.runs).toBe(1);
    expect(await (await timer(orders.expires)).deadline()).toBeNull();
    const cancelledEmail = await until('the cancellation email', async () => worker.qstash!.messages.find((m) => m.deduplicationId === `email_3Aorder-cancelled_3A${orders.expires}`));
    expect(JSON.parse(cancelledEmail.body)).toMatchObject({ to: email });
  });

  it('payment stops the timer, and the paid order stays paid past its deadline', async () => {
    const paidTimer = await timer(orders.paid);
    expect(await paidTimer.state()).toMatchObject({ state: 'cancelled', runs: 0 });
    expect(await paidTimer.deadline()).toBeNull();
    // Past the deadline (the other two orders' alarms have run by then).
    await until('the other timers', async () => (await orderStatus(orders.expires)) === 'cancelled');
    expect(await orderStatus(orders.paid)).toBe('paid');
    expect(await stockOf(products[1]!.id)).toBe(products[1]!.stock - 1);
  });

  it('a timer for an order already paid does nothing when it goes off', async () => {
    // Scheduled by hand (as after a lost cancel), due now.
    const paidTimer = await timer(orders.paid + 1000);
    await paidTimer.schedule(Date.now(), orders.paid);
    await until('the stray timer to run', async () => (await paidTimer.state())?.state === 'done');
    expect(await orderStatus(orders.paid)).toBe('paid');
    expect(await db.selectFrom('order_events').select('toStatus').where('orderId', '=', orders.paid).where('toStatus', '=', 'cancelled').execute()).toEqual([]);
  });

  it('an alarm that throws after cancelling is retried by the runtime, and the order is cancelled exactly once', async () => {
    const product = products[2]!;
    await retriedFault;
    const state = await until('the retried timer to be done', async () => {
      const row = await (await timer(orders.retried)).state();
      return row?.state === 'done' && row;
    });
    expect(state.runs).toBe(2);
    expect(await orderStatus(orders.retried)).toBe('cancelled');
    const events = await db.selectFrom('order_events').select('toStatus').where('orderId', '=', orders.retried).where('toStatus', '=', 'cancelled').execute();
    expect(events).toHaveLength(1);
    expect(await stockOf(product.id)).toBe(product.stock);
    // Published twice (recording the first publish failed), kept once: QStash deduplicates by the key.
    const dedupId = `email_3Aorder-cancelled_3A${orders.retried}`;
    expect(worker.qstash!.requests.filter((r) => r.headers.get('upstash-deduplication-id') === dedupId)).toHaveLength(2);
    expect(worker.qstash!.messages.filter((m) => m.deduplicationId === dedupId)).toHaveLength(1);
    expect(await db.selectFrom('scheduled_messages').select('key').where('key', '=', `email:order-cancelled:${orders.retried}`).execute()).toHaveLength(1);
  });
});
