// What the benchmark sends: each scenario's rotating set of requests, built from
// the seeded database (real slugs, categories, shoppers), and the targets of
// issue 13 they are held to.
import type { Db } from '../../db/database.ts';
import { PRODUCT_SORTS } from '../../routers/shared/sorting.ts';
import { BENCH_QUERIES } from './catalog.ts';
import { seededRandom } from '../seeded-random.ts';
import type { BenchRequest } from './load.ts';
import type { Shopper } from './shoppers.ts';

export type ScenarioName =
  | 'healthz'
  | 'product.list'
  | 'product.get'
  | 'product.search'
  | 'ssr.home'
  | 'ssr.category'
  | 'ssr.product'
  | 'ssr.search'
  | 'cart.add'
  | 'checkout.placeOrder';

export interface Target {
  /** Requests per second as a share of the same run's baseline. */
  ratio?: number;
  /** Absolute requests per second (orders/s for the checkout). */
  rps?: number;
  p99Ms?: number;
  /** Errors allowed (reads and the checkout: none). */
  errors?: number;
}

export interface Scenario {
  name: ScenarioName;
  label: string;
  target: Target;
  requests: BenchRequest[];
}

const READ = { p99Ms: 50, errors: 0 };

export const TARGETS: Record<ScenarioName, Target> = {
  healthz: { errors: 0 },
  'product.list': { ratio: 0.25, ...READ },
  'product.get': { ratio: 0.25, ...READ },
  'product.search': { ratio: 0.05, ...READ },
  'ssr.home': { ratio: 0.08, ...READ },
  'ssr.category': { ratio: 0.08, ...READ },
  'ssr.product': { ratio: 0.08, ...READ },
  'ssr.search': { ...READ },
  'cart.add': { ratio: 0.04, errors: 0 },
  'checkout.placeOrder': { rps: 400, errors: 0 },
};

/** Other targets of the issue, checked on the run as a whole. */
export const SCALE_P50_RATIO = 2;
export const PRODUCT_PAGE_JS_BYTES = 40 * 1024;
export const PEAK_RSS_BYTES = 150 * 1024 * 1024;

const get = (path: string): BenchRequest => ({ method: 'GET', path });
/** A page as a browser asks for it: compressed (the shop keeps shared pages gzipped and sends them as stored). */
const page = (path: string): BenchRequest => ({ method: 'GET', path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
const trpcGet = (procedure: string, input: unknown): BenchRequest =>
  get(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);

/** The same order every run: a shuffle with a fixed seed. */
function shuffled<T>(items: T[], seed = 13): T[] {
  const rnd = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface CatalogSample {
  categories: string[];
  /** Slugs of active products spread over the catalog. */
  slugs: string[];
}

export async function sampleCatalog(db: Db, products = 2000): Promise<CatalogSample> {
  const categories = (await db.selectFrom('categories').select('slug').orderBy('sortOrder').execute()).map((c) => c.slug);
  const { n } = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1).executeTakeFirstOrThrow();
  const step = Math.max(1, Math.floor(Number(n) / products));
  const rows = await db
    .selectFrom('products')
    .select('slug')
    .where('active', '=', 1)
    .where((eb) => eb(eb('id', '%', step), '=', 0))
    .limit(products)
    .execute();
  return { categories, slugs: shuffled(rows.map((r) => r.slug)) };
}

/** product.list: 24 a page, every category and the whole catalog, every sort, the first three pages. */
export function listRequests(sample: CatalogSample): BenchRequest[] {
  const inputs = [undefined, ...sample.categories].flatMap((category) =>
    PRODUCT_SORTS.flatMap((sort) => [1, 2, 3].map((page) => ({ pageSize: 24, page, sort, ...(category && { category }) }))),
  );
  return shuffled(inputs).map((input) => trpcGet('product.list', input));
}

export function searchRequests(): BenchRequest[] {
  return BENCH_QUERIES.map((q) => trpcGet('product.search', { q }));
}

const json = { 'content-type': 'application/json' };

export function readScenarios(sample: CatalogSample): Scenario[] {
  const scenario = (name: ScenarioName, label: string, requests: BenchRequest[]): Scenario => ({ name, label, target: TARGETS[name], requests });
  return [
    scenario('healthz', 'GET /healthz', [get('/healthz')]),
    scenario('product.list', 'tRPC product.list (24)', listRequests(sample)),
    scenario('product.get', 'tRPC product.get', sample.slugs.map((slug) => trpcGet('product.get', { slug }))),
    scenario('product.search', 'tRPC product.search', searchRequests()),
    scenario('ssr.home', 'SSR / (home)', [page('/')]),
    scenario('ssr.category', 'SSR /category/:slug', sample.categories.map((slug) => page(`/category/${slug}`))),
    scenario('ssr.product', 'SSR /product/:slug', sample.slugs.map((slug) => page(`/product/${slug}`))),
    scenario('ssr.search', 'SSR /search?q=', BENCH_QUERIES.map((q) => page(`/search?q=${encodeURIComponent(q)}`))),
  ];
}

/** cart.add: signed-in shoppers, each adding to their own cart, products rotating. */
export function cartAddScenario(origin: string, shoppers: Shopper[], productIds: number[], count: number): Scenario {
  const requests = Array.from({ length: count }, (_, i) => {
    const shopper = shoppers[i % shoppers.length]!;
    const productId = productIds[(i + Math.floor(i / shoppers.length)) % productIds.length]!;
    return {
      method: 'POST' as const,
      path: '/trpc/cart.add',
      headers: { ...json, origin, cookie: shopper.cookie },
      body: JSON.stringify({ productId, quantity: 1 }),
    };
  });
  return { name: 'cart.add', label: 'tRPC cart.add', target: TARGETS['cart.add'], requests };
}

export const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getFullYear() + 3, cvv: '123', name: 'Bench Buyer' };

/** One placeOrder per buyer (each has a cart of one line), a fresh idempotency key each. */
export function placeOrderRequests(origin: string, buyers: Shopper[], run: string): BenchRequest[] {
  return buyers.map((buyer, i) => ({
    method: 'POST' as const,
    path: '/trpc/checkout.placeOrder',
    headers: { ...json, origin, cookie: buyer.cookie },
    body: JSON.stringify({
      idempotencyKey: `bench-${run}-${i}`,
      email: buyer.email,
      shippingAddress: { firstName: 'Bench', lastName: 'Buyer', street: '1 Market Street', city: 'San Francisco', state: 'CA', zip: '94105', country: 'US' },
      card: GOOD_CARD,
    }),
  }));
}

export function placeOrderScenario(requests: BenchRequest[]): Scenario {
  return { name: 'checkout.placeOrder', label: 'tRPC checkout.placeOrder', target: TARGETS['checkout.placeOrder'], requests };
}
