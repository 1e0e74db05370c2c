// The shopper simulator: N simulated shoppers visit the shop over and over for a
// while, each visit a realistic journey with think time between steps: the home
// page, a category or two, a few products, sometimes a search; some add to the
// cart, some of those sign up and check out with a good or a declining test card,
// and some of the declined pay again or cancel. Half the visits load every page
// from the server, half navigate through tRPC as the hydrated storefront does.
//
// Works against any GoMall over HTTP (the Bun server, the Deno server, a Worker).
// Every order is checked as it is placed (its lines are the cart's, its totals
// add up), and at the end the stock of every product the shoppers could buy is
// read again: it must have gone down by exactly the units of the orders that still
// hold stock. That assumes nobody else buys those products during the run.
import { SESSION_COOKIE } from '../../routers/user/cookie.ts';
import { Latencies, zeroCounts, type Counts } from './stats.ts';
import { VisitFailed, Visitor, type Recorder } from './visitor.ts';
import { seededRandom } from '../seeded-random.ts';

export interface SimulateOptions {
  /** The shop's address, e.g. http://localhost:3000 */
  url: string;
  shoppers: number;
  durationMs: number;
  /** Mean pause between a shopper's steps (exponentially distributed). */
  thinkMs?: number;
  /** Called about once a second. */
  onProgress?: (progress: Progress) => void;
  seed?: number;
}

export interface Progress {
  elapsedMs: number;
  counts: Counts;
  p50Ms: number;
  p99Ms: number;
}

export interface Summary extends Progress {
  /** Orders whose lines or totals did not match, and products whose stock moved by other than what was ordered. */
  accountingErrors: string[];
  /** The first failed requests, described. */
  failures: string[];
  /** True when nothing failed: no 5xx, no unanswered or unexpected request, accounting exact. */
  ok: boolean;
}

interface PoolProduct {
  id: number;
  slug: string;
  name: string;
  category: string;
}

interface PlacedOrderRecord {
  id: number;
  /** The owner's session cookie, to read the order back. */
  cookie: string;
  lines: Map<number, number>;
}

interface Account {
  email: string;
  cookie: string;
}

const CARDS = {
  good: '4242 4242 4242 4242',
  declining: ['4000 0000 0000 0002', '4000 0000 0000 9995', '4000 0000 0000 0069', '4000 0000 0000 0119'],
};
const PASSWORD = 'simulated shopper 1';
const ADDRESS = { firstName: 'Sim', lastName: 'Shopper', street: '1 Market Street', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' };
/** Orders that still hold their units (cancelled ones gave them back). */
const HOLDING_STOCK = new Set(['pending_payment', 'paid', 'shipped', 'completed']);

export async function simulate(options: SimulateOptions): Promise<Summary> {
  const base = options.url.replace(/\/+$/, '');
  const thinkMs = options.thinkMs ?? 1500;
  const recorder: Recorder = { counts: zeroCounts(), latencies: new Latencies(), failures: [] };
  const accountingErrors: string[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const seed = options.seed ?? Date.now();

  const setup = new Visitor(base, recorder);
  const { pool, queries } = await discover(setup);
  const stockBefore = await stockOf(setup, pool);

  const orders: PlacedOrderRecord[] = [];
  const idle: Account[] = [];
  let visits = 0;

  const progress = (): Progress => ({
    elapsedMs: performance.now() - started,
    counts: { ...recorder.counts },
    p50Ms: recorder.latencies.percentile(0.5),
    p99Ms: recorder.latencies.percentile(0.99),
  });
  const ticker = options.onProgress && setInterval(() => options.onProgress!(progress()), 1000);

  async function shopper(index: number) {
    // One stream per shopper, reproducible with --seed.
    const rnd = seededRandom(seed + index * 7919);
    const chance = (p: number) => rnd() < p;
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
    const between = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));
    // Exponential think time, capped so one shopper never sleeps through the run.
    const think = async () => {
      const pause = Math.min(-Math.log(1 - rnd()) * thinkMs, thinkMs * 4, deadline - performance.now());
      if (pause > 0) await Bun.sleep(pause);
    };
    // Staggered arrivals.
    await Bun.sleep(rnd() * Math.min(thinkMs, options.durationMs / 4));
    while (performance.now() < deadline) {
      const visit = ++visits;
      const v = new Visitor(base, recorder);
      const api = chance(0.5);
      let borrowed: Account | null = null;
      try {
        await v.page('/');
        await think();
        for (let n = between(1, 2); n > 0; n--) {
          const category = pick(pool).category;
          if (api) await v.query('product.list', { category, pageSize: 24 });
          else await v.page(`/category/${category}`);
          await think();
        }
        const viewed: PoolProduct[] = [];
        for (let n = between(1, 4); n > 0; n--) {
          const product = pick(pool);
          if (api) await v.query('product.get', { slug: product.slug });
          else await v.page(`/product/${product.slug}`);
          viewed.push(product);
          await think();
        }
        if (chance(0.4)) {
          const q = pick(queries);
          if (api) await v.query('product.search', { q });
          else await v.page(`/search?q=${encodeURIComponent(q)}`);
          recorder.counts.searches++;
          await think();
        }
        if (chance(0.35) || performance.now() >= deadline) continue;

        const wanted = viewed.slice(0, between(1, Math.min(3, viewed.length))).map((p) => ({ productId: p.id, quantity: between(1, 2) }));
        const addAll = async () => {
          for (const line of wanted) {
            const added = await v.mutation('cart.add', line, ['SOLD_OUT', 'NOT_ENOUGH_STOCK', 'LINE_LIMIT', 'CART_FULL', 'PRODUCT_NOT_FOUND']);
            if (added.ok) recorder.counts.cartAdds++;
          }
        };
        await addAll();
        await think();
        if (chance(0.4) || performance.now() >= deadline) continue;

        // Sign up (the guest cart moves to the account); when sign-ups are rate limited, a returning shopper instead.
        const email = `sim-${run}-${visit}@example.com`;
        const signedUp = await v.mutation('user.register', { email, password: PASSWORD, confirmPassword: PASSWORD, name: 'Sim Shopper' }, ['TOO_MANY_REGISTRATIONS']);
        if (signedUp.ok) {
          recorder.counts.signUps++;
          borrowed = { email, cookie: v.cookie(SESSION_COOKIE)! };
        } else {
          borrowed = idle.pop() ?? null;
          if (!borrowed) continue;
          v.useCookie(borrowed.cookie);
          await v.mutation('cart.clear', {});
          await addAll();
        }
        await think();

        const cart = await v.query<{ items: { productId: number; quantity: number; available: boolean; exceedsStock: boolean }[] }>('cart.get');
        if (!cart.ok || cart.data.items.length === 0) continue;
        await v.query('checkout.preview', {});
        await think();
        const good = chance(0.7);
        const card = { number: good ? CARDS.good : pick(CARDS.declining), expMonth: 12, expYear: new Date().getFullYear() + 2, cvv: '123', name: 'Sim Shopper' };
        const placed = await v.mutation<{ orderId: number; payment: { status: string } }>(
          'checkout.placeOrder',
          { idempotencyKey: `sim-${run}-${visit}`, email: borrowed.email, shippingAddress: ADDRESS, card },
          ['OUT_OF_STOCK', 'CART_NOT_READY', 'COUPON_UNAVAILABLE'],
        );
        if (!placed.ok) continue;
        recorder.counts.orders++;
        const expected = new Map(cart.data.items.map((item) => [item.productId, item.quantity]));
        orders.push({ id: placed.data.orderId, cookie: borrowed.cookie, lines: expected });
        await checkOrder(v, placed.data.orderId, expected, accountingErrors);
        if (placed.data.payment.status === 'succeeded') {
          recorder.counts.paid++;
          continue;
        }
        recorder.counts.declined++;
        await think();
        if (chance(0.4)) {
          const paid = await v.mutation<{ status: string }>(
            'payment.pay',
            { orderId: placed.data.orderId, idempotencyKey: `sim-${run}-${visit}-pay`, card: { ...card, number: CARDS.good } },
            ['ORDER_NOT_PAYABLE', 'PAYMENT_WINDOW_CLOSED'],
          );
          if (paid.ok && paid.data.status === 'succeeded') recorder.counts.paid++;
        } else if (chance(0.5)) {
          const cancelled = await v.mutation('order.cancel', { orderId: placed.data.orderId }, ['ILLEGAL_TRANSITION', 'PAYMENT_IN_PROGRESS']);
          if (cancelled.ok) recorder.counts.cancelled++;
        }
      } catch (error) {
        if (!(error instanceof VisitFailed)) throw error;
      } finally {
        if (borrowed) idle.push(borrowed);
        await think();
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.shoppers }, (_, i) => shopper(i)));
  } finally {
    if (ticker) clearInterval(ticker);
  }
  await checkStock(setup, pool, stockBefore, orders, accountingErrors);
  const done = progress();
  const { counts } = done;
  return {
    ...done,
    accountingErrors,
    failures: recorder.failures,
    ok: counts.serverErrors === 0 && counts.networkErrors === 0 && counts.unexpected === 0 && accountingErrors.length === 0,
  };
}

/** The products shoppers will buy (in stock, from every category) and search words from their names. */
async function discover(v: Visitor): Promise<{ pool: PoolProduct[]; queries: string[] }> {
  const categories = await v.query<{ slug: string; productCount: number }[]>('product.categories');
  if (!categories.ok) throw new Error('cannot list the categories');
  const pool: PoolProduct[] = [];
  for (const category of categories.data.filter((c) => c.productCount > 0)) {
    const list = await v.query<{ items: { id: number; slug: string; name: string; stock: number }[] }>('product.list', { category: category.slug, pageSize: 24 });
    if (!list.ok) throw new Error(`cannot list the category ${category.slug}`);
    for (const item of list.data.items) {
      if (item.stock > 0 && !pool.some((p) => p.id === item.id)) pool.push({ id: item.id, slug: item.slug, name: item.name, category: category.slug });
    }
  }
  if (pool.length === 0) throw new Error('the shop has no product in stock to sell');
  const words = [...new Set(pool.flatMap((p) => p.name.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];
  // Whole words, two-word queries, and a few typos ("cofee"), as shoppers type them.
  const queries = [
    ...words,
    ...words.slice(0, 20).map((w, i) => `${w} ${words[(i * 7 + 3) % words.length]}`),
    ...words.filter((w) => w.length >= 6).slice(0, 10).map((w) => w.slice(0, 2) + w.slice(3)),
  ];
  return { pool, queries };
}

async function stockOf(v: Visitor, pool: PoolProduct[]): Promise<Map<number, number>> {
  const stock = new Map<number, number>();
  for (const product of pool) {
    const found = await v.query<{ stock: number }>('product.get', { id: product.id }, ['PRODUCT_UNAVAILABLE', 'NOT_FOUND']);
    if (found.ok) stock.set(product.id, found.data.stock);
  }
  return stock;
}

/** The order as the shop stored it: the cart's lines, and totals that add up. */
async function checkOrder(v: Visitor, orderId: number, expected: Map<number, number>, errors: string[]) {
  const order = await v.query<{
    lines: { productId: number; quantity: number; unitPriceCents: number; lineTotalCents: number }[];
    subtotalCents: number;
    discountCents: number;
    shippingCents: number;
    taxCents: number;
    totalCents: number;
  }>('order.get', { orderId });
  if (!order.ok) return;
  const o = order.data;
  const lines = new Map(o.lines.map((l) => [l.productId, l.quantity]));
  const sameLines = lines.size === expected.size && [...expected].every(([id, quantity]) => lines.get(id) === quantity);
  if (!sameLines) errors.push(`order ${orderId}: lines ${JSON.stringify([...lines])} are not the cart's ${JSON.stringify([...expected])}`);
  const subtotal = o.lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  if (o.lines.some((l) => l.unitPriceCents * l.quantity !== l.lineTotalCents) || subtotal !== o.subtotalCents) {
    errors.push(`order ${orderId}: line totals do not add up to the subtotal ${o.subtotalCents}`);
  }
  if (o.subtotalCents - o.discountCents + o.shippingCents + o.taxCents !== o.totalCents) {
    errors.push(`order ${orderId}: ${o.subtotalCents} - ${o.discountCents} + ${o.shippingCents} + ${o.taxCents} is not the total ${o.totalCents}`);
  }
}

/** Every product's stock went down by exactly the units of the orders still holding stock. */
async function checkStock(v: Visitor, pool: PoolProduct[], before: Map<number, number>, orders: PlacedOrderRecord[], errors: string[]) {
  // An order can expire (and give its units back) while this reads: read until statuses hold still.
  for (let attempt = 0; attempt < 3; attempt++) {
    const statuses = await orderStatuses(v, orders);
    const after = await stockOf(v, pool);
    if ((await orderStatuses(v, orders)).some((status, i) => status !== statuses[i])) continue;
    const held = new Map<number, number>();
    orders.forEach((order, i) => {
      if (!HOLDING_STOCK.has(statuses[i]!)) return;
      for (const [productId, quantity] of order.lines) held.set(productId, (held.get(productId) ?? 0) + quantity);
    });
    for (const [productId, stock] of before) {
      const now = after.get(productId);
      const ordered = held.get(productId) ?? 0;
      if (now !== undefined && stock - now !== ordered) {
        errors.push(`product ${productId}: stock ${stock} → ${now} (${stock - now} units gone) but orders hold ${ordered}`);
      }
    }
    return;
  }
  errors.push('order statuses kept changing while the stock was read');
}

async function orderStatuses(v: Visitor, orders: PlacedOrderRecord[]): Promise<string[]> {
  const statuses: string[] = [];
  for (const order of orders) {
    const found = await v.as(order.cookie).query<{ status: string }>('order.get', { orderId: order.id });
    statuses.push(found.ok ? found.data.status : 'unknown');
  }
  return statuses;
}
