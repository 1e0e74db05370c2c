// One purchase, written once and run over HTTP against every runtime the shop runs
// on (purchase-scenario.*.test.ts: the Bun server, the Worker in workerd, the Deno
// server): register → two products in the cart → checkout with a declined card →
// pay again with a good card → the order is paid and its confirmation email queued
// → a second order left unpaid is cancelled at its deadline and its stock is back →
// the shopper sees both orders with the right statuses. Everything goes through the
// shop's HTTP API; only "which emails were queued" asks the runtime's own jobs
// (the jobs table, or what QStash was given).
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { shopper, type Fetch, type Shopper } from './shopper.ts';

/** The payment timeout the shop under test must run with (ORDER_PAYMENT_TIMEOUT_SECONDS). */
export const SCENARIO_TIMEOUT_SECONDS = 3;

export interface QueuedEmail {
  to: string;
  subject: string;
}

export interface ShopUnderTest {
  /** The shop's origin, as it sees itself. */
  origin: string;
  /** How to reach it (global fetch, or Miniflare's dispatchFetch). */
  fetch?: Fetch;
  /** The emails queued so far (email.send jobs), however this runtime queues them. */
  queuedEmails(): Promise<QueuedEmail[]>;
  stop(): Promise<void>;
}

const DECLINED_CARD = { number: '4000 0000 0000 0002', expMonth: 12, expYear: 2040, cvv: '123' };
const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvv: '123' };
const ADDRESS = { firstName: 'Grace', lastName: 'Hopper', street: '1 Compiler Lane', city: 'Arlington', state: 'VA', zip: '22201', country: 'US' };

type Product = { id: number; name: string; stock: number };
type OrderSummary = { id: number; status: string };

export function purchaseScenario(runtime: string, start: () => Promise<ShopUnderTest>) {
  describe(`one purchase, over HTTP, on ${runtime}`, () => {
    let shop: ShopUnderTest;
    let visitor: Shopper;
    const email = `scenario-${Date.now()}@example.com`;
    let products: Product[];
    let paidOrder: number;
    let unpaidOrder: number;

    const stockOf = async (productId: number) => (await visitor.query<Product>('product.get', { id: productId })).stock;

    beforeAll(async () => {
      shop = await start();
      visitor = shopper(shop.origin, shop.fetch);
      const { items } = await visitor.query<{ items: Product[] }>('product.list', { pageSize: 24 });
      products = items.filter((item) => item.stock >= 5).slice(0, 3);
      expect(products).toHaveLength(3);
    }, 120_000);

    afterAll(() => shop?.stop());

    it('registers a shopper', async () => {
      const account = await visitor.mutate('user.register', { email, password: 'correct horse battery', confirmPassword: 'correct horse battery', name: 'Grace Hopper' });
      expect(account).toMatchObject({ email });
      expect(await visitor.query('user.me')).toMatchObject({ email });
    });

    it('adds two products to the cart', async () => {
      await visitor.mutate('cart.add', { productId: products[0]!.id, quantity: 2 });
      await visitor.mutate('cart.add', { productId: products[1]!.id, quantity: 1 });
      const cart = await visitor.query('cart.get');
      expect(cart.items).toEqual([
        expect.objectContaining({ productId: products[0]!.id, quantity: 2 }),
        expect.objectContaining({ productId: products[1]!.id, quantity: 1 }),
      ]);
      expect(cart.itemCount).toBe(3);
    });

    it('checks out with a declined card, pays again with a good one: the order is paid and its confirmation email queued', async () => {
      const placed = await visitor.mutate('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email, shippingAddress: ADDRESS, card: DECLINED_CARD });
      expect(placed).toMatchObject({ status: 'pending_payment', payment: { status: 'declined' } });
      paidOrder = placed.orderId;
      expect((await visitor.query('cart.get')).items).toEqual([]);

      const paid = await visitor.mutate('payment.pay', { orderId: paidOrder, card: GOOD_CARD, idempotencyKey: crypto.randomUUID() });
      expect(paid).toMatchObject({ status: 'succeeded' });
      expect(await visitor.query('order.get', { orderId: paidOrder })).toMatchObject({ id: paidOrder, status: 'paid' });
      expect(await stockOf(products[0]!.id)).toBe(products[0]!.stock - 2);

      const confirmation = await eventually('the confirmation email', async () =>
        (await shop.queuedEmails()).find((m) => m.to === email && m.subject.includes(`#${paidOrder}`) && /confirmed/i.test(m.subject)),
      );
      expect(confirmation).toBeDefined();
    });

    it('cancels a second order left unpaid at its deadline, and puts its stock back', async () => {
      const product = products[2]!;
      const before = await stockOf(product.id);
      await visitor.mutate('cart.add', { productId: product.id, quantity: 3 });
      const placed = await visitor.mutate('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email, shippingAddress: ADDRESS });
      expect(placed).toMatchObject({ status: 'pending_payment', payment: { status: 'not_attempted' } });
      unpaidOrder = placed.orderId;
      expect(await stockOf(product.id)).toBe(before - 3);

      await eventually('the unpaid order to be cancelled', async () => (await visitor.query('order.get', { orderId: unpaidOrder })).status === 'cancelled');
      expect(await stockOf(product.id)).toBe(before);
    }, 30_000);

    it('shows the shopper both orders with the right statuses', async () => {
      const { items } = await visitor.query<{ items: OrderSummary[] }>('order.list', {});
      expect(items.map(({ id, status }) => ({ id, status }))).toEqual([
        { id: unpaidOrder, status: 'cancelled' },
        { id: paidOrder, status: 'paid' },
      ]);
    });
  });
}

/** Polls `probe` until it gives something truthy (within `timeoutMs`, or throws naming `what`). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = SCENARIO_TIMEOUT_SECONDS * 1000 + 15_000): Promise<T> {
  for (const start = Date.now(); ; await Bun.sleep(100)) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}
