// `npm run bench`: the shop under load, every shopper path, as ratios of a bare
// Bun.serve measured in the same run. Self-contained: a temporary database with
// a large generated catalog, the shop in production mode on a free port, load
// from wrk (or autocannon) on 127.0.0.1, bounded in time. See README (Scripts)
// and issue 13 for the targets.
//
//   bun server/bench/cli.ts [--products N] [--quick] [--seconds S] [--connections C]
//                           [--out DIR] [--no-profile] [--only scenario,scenario…]
import { cpus, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import type { Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { sql } from 'kysely';
import { randomSecret } from '../../routers/config.ts';
import { seedLargeCatalog } from './catalog.ts';
import { pageWeight } from '../build/client-weight.ts';
import { loadGenerator, type BenchRequest, type LoadResult } from './load.ts';
import { cpuSecondsOf, memoryOf, snapshotBuild, startBaseline, startShop, stopAll, type ServerProcess } from './processes.ts';
import { readProfile, type ProfileSummary } from './profile.ts';
import { findMisses, markdown, table, type BenchReport, type CheckoutAccounting, type ScalePoint, type ScenarioResult } from './report.ts';
import {
  cartAddScenario,
  listRequests,
  placeOrderRequests,
  placeOrderScenario,
  readScenarios,
  sampleCatalog,
  searchRequests,
  type Scenario,
  type ScenarioName,
} from './scenarios.ts';
import { createShoppers, fillCarts, stockUp } from './shoppers.ts';

const MAX_PRODUCTS = 100_000;
/** Where `npm run build:app` puts the client bundle (as server/local/shop.ts reads it). */
const CLIENT_DIR = 'dist/client';
const { values: args } = parseArgs({
  options: {
    products: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    out: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const quick = args.quick;
const products = Number(args.products ?? (quick ? 1_000 : 10_000));
if (!Number.isInteger(products) || products < 1 || products > MAX_PRODUCTS) {
  console.error(`--products must be a whole number from 1 to ${MAX_PRODUCTS.toLocaleString('en-US')}`);
  process.exit(2);
}
const seconds = Math.max(1, Math.round(Number(args.seconds ?? process.env.BENCH_SECONDS ?? (quick ? 1 : 8))));
const warmup = quick ? 0 : 2;
const connections = Number(args.connections ?? process.env.BENCH_CONNECTIONS ?? 50);
const profile = !quick && !args['no-profile'];
const scaleSizes: [number, number] = quick ? [200, 2_000] : [1_000, 100_000];
const outDir = args.out ?? 'bench/results';
/** Measure only these scenarios (a quicker loop while working on one); the report says so. */
const only = args.only ? new Set(args.only.split(',').map((name) => name.trim())) : null;
const included = (name: string) => !only || only.has(name);
/** Buyers per second of checkout load: more than the shop can serve (each buys once; a reused buyer is counted as an error). */
const CHECKOUT_MAX_RPS = 2_000;
const profileSeconds = Math.min(seconds, 5);

for (const file of [join(CLIENT_DIR, '.vite/manifest.json'), 'dist/server/entry-server.js']) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build:app\` first (\`npm run bench\` does).`);
    process.exit(2);
  }
}

const loader = loadGenerator();
const work = mkdtempSync(join(tmpdir(), 'gomall-bench-'));
// Interrupted (Ctrl-C, a supervisor): no shop left running, no temporary files left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    rmSync(work, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
snapshotBuild(work);
const clientDir = join(work, CLIENT_DIR);
const snapshot = `file:${join(work, 'before-checkout.db')}`;
const secret = randomSecret();
const now = Date.now();
const log = (line: string) => console.log(line);

log(`bench: ${products.toLocaleString('en-US')} products, ${seconds}s per scenario${warmup ? ` (+${warmup}s warm-up)` : ''}, ${connections} connections, load from ${loader.tool}${loader.tool === 'autocannon' ? (Bun.which('wrk') ? ' (BENCH_TOOL=autocannon)' : ' (wrk is not installed)') : ''} on 127.0.0.1${quick ? ', quick' : ''}`);

/** A migrated database with `count` products; `prepare` adds what a run needs. */
async function database<T>(name: string, count: number, prepare: (db: Db) => Promise<T>): Promise<{ url: string; extra: T }> {
  const url = `file:${join(work, `${name}.db`)}`;
  const { db } = await openDatabase(url);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    let shown = 0;
    await seedLargeCatalog(db, count, now, (done, total) => {
      if (done === total || performance.now() - shown > 250) {
        shown = performance.now();
        process.stdout.write(`\r  seeding ${name}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} products`);
      }
    });
    process.stdout.write(`\r  seeding ${name}: ${count.toLocaleString('en-US')} products in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
    const extra = await prepare(db);
    // Into the file itself, as a running shop's database would be, not a long write-ahead log.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return { url, extra };
  } finally {
    await db.destroy();
  }
}

/** Samples the shop's memory while it is under load. */
function memoryWatch(pid: number) {
  let peak: number | null = null;
  const sample = () => {
    const m = memoryOf(pid);
    if (m) peak = Math.max(peak ?? 0, m.rss);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

async function run(baseUrl: string, requests: BenchRequest[], runSeconds = seconds): Promise<LoadResult> {
  return loader.run(baseUrl, requests, { seconds: runSeconds, connections });
}

/** Sends a scenario's first request once: a scenario that does not work fails here, not as a number. */
async function probe(shop: ServerProcess, scenario: Scenario, request = scenario.requests[0]!): Promise<void> {
  const res = await fetch(shop.url + request.path, { method: request.method, headers: request.headers, body: request.body });
  if (res.status !== 200) throw new Error(`${scenario.name}: ${request.method} ${request.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

const results: ScenarioResult[] = [];
let idleRssBytes: number | null = null;
let baselineRuns: LoadResult[] = [];

async function measureBaseline() {
  const baseline = await startBaseline();
  try {
    if (warmup) await run(baseline.url, [{ method: 'GET', path: '/' }], warmup);
    const result = await run(baseline.url, [{ method: 'GET', path: '/' }]);
    baselineRuns.push(result);
    log(`  ${'baseline: Bun.serve hello'.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms`);
  } finally {
    await baseline.stop();
  }
}

/**
 * A read scenario's first pass: every distinct request once, `connections` at a time,
 * timed. What a visitor meets before the caches hold the answer (a render, the queries),
 * reported beside the steady state the measured run shows.
 */
async function firstPass(shop: ServerProcess, requests: BenchRequest[]): Promise<{ requests: number; p50Ms: number; p99Ms: number }> {
  const distinct = [...new Map(requests.map((r) => [`${r.method} ${r.path} ${r.headers?.cookie ?? ''}`, r])).values()];
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(connections, distinct.length) }, async () => {
      while (next < distinct.length) {
        const r = distinct[next++]!;
        const started = performance.now();
        const res = await fetch(shop.url + r.path, { method: r.method, headers: r.headers, body: r.body });
        await res.arrayBuffer();
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  return { requests: times.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function measure(
  shop: ServerProcess,
  scenario: Scenario,
  options: { warm?: BenchRequest[]; beforeRun?: () => Promise<void>; read?: boolean } = {},
): Promise<ScenarioResult> {
  // Reads: first every distinct request once (the cold cache), then the steady state is measured.
  const cold = options.read ? await firstPass(shop, scenario.requests) : undefined;
  if (warmup) await run(shop.url, options.warm ?? scenario.requests, warmup);
  await options.beforeRun?.();
  const memory = memoryWatch(shop.pid);
  const cpuBefore = cpuSecondsOf(shop.pid);
  const result = await run(shop.url, scenario.requests);
  const cpuAfter = cpuSecondsOf(shop.pid);
  const peakRssBytes = memory.stop();
  // The server's CPU use while loaded: 1.0 is one core busy all the time.
  const serverCpu = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.seconds;
  log(`  ${scenario.label.padEnd(30)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  errors ${result.errors}  server CPU ${serverCpu === null ? 'n/a' : `${(serverCpu * 100).toFixed(0)}%`}`);
  const row: ScenarioResult = {
    name: scenario.name,
    label: scenario.label,
    rps: result.rps,
    ratio: NaN,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    errors: result.errors,
    requests: result.requests,
    target: scenario.target,
    peakRssBytes,
    serverCpu,
    ...(cold && { firstPass: cold }),
  };
  results.push(row);
  return row;
}

async function sumStock(db: Db, ids: number[]) {
  const row = await db.selectFrom('products').select((eb) => eb.fn.sum<number>('stock').as('stock')).where('id', 'in', ids).executeTakeFirstOrThrow();
  return Number(row.stock);
}

async function maxOrderId(db: Db) {
  return Number((await db.selectFrom('orders').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);
}

/** The checkout under load, with the stock counted before and after: every unit that left the shelf is in an order. */
async function measureCheckout(shop: ServerProcess, checkout: Scenario, warmOrders: BenchRequest[], url: string, stocked: number[]): Promise<CheckoutAccounting> {
  const { db } = await openDatabase(url);
  try {
    let stockBefore = 0;
    let firstOrder = 0;
    const row = await measure(shop, checkout, {
      warm: warmOrders,
      // Counted after the warm-up: its last answers land first.
      async beforeRun() {
        await Bun.sleep(300);
        stockBefore = await sumStock(db, stocked);
        firstOrder = (await maxOrderId(db)) + 1;
      },
    });
    // Let answers still in flight land before counting.
    await Bun.sleep(500);
    const stockAfter = await sumStock(db, stocked);
    const placed = await db
      .selectFrom('orders as o')
      .innerJoin('order_lines as l', 'l.orderId', 'o.id')
      .select((eb) => [eb.fn.count<number>('o.id').distinct().as('orders'), eb.fn.sum<number>('l.quantity').as('units')])
      .where('o.id', '>=', firstOrder)
      .executeTakeFirstOrThrow();
    const negative = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('stock', '<', 0).executeTakeFirstOrThrow();
    const unitsOrdered = Number(placed.units ?? 0);
    const accounting = {
      ordersAnswered: row.requests - row.errors,
      ordersInDatabase: Number(placed.orders),
      unitsOrdered,
      stockBefore,
      stockAfter,
      oversold: stockBefore - stockAfter - unitsOrdered,
      negativeStockProducts: Number(negative.n),
    };
    // An answer with no order of its own (a buyer reused, its first answer replayed) is no order.
    if (accounting.ordersAnswered > accounting.ordersInDatabase) row.errors += accounting.ordersAnswered - accounting.ordersInDatabase;
    log(`  checkout stock: ${stockBefore} → ${stockAfter}, ${unitsOrdered} units in ${accounting.ordersInDatabase} orders: ${accounting.oversold} oversold`);
    return accounting;
  } finally {
    await db.destroy();
  }
}

try {
  log('preparing the database…');
  const buyersFor = (runSeconds: number) => runSeconds * CHECKOUT_MAX_RPS;
  const main = await database('bench', products, async (db) => {
    const stocked = await stockUp(db, 50);
    // Enough shoppers that each cart stays the size of a real one (a few lines) through the run.
    const shoppers = await createShoppers(db, secret, 'shopper', quick ? 2_000 : 10_000, now);
    // Buyers: the measured run, the probe, and a profiled run.
    const buyers = await createShoppers(db, secret, 'buyer', 1 + buyersFor(warmup + seconds + (profile ? profileSeconds : 0)), now);
    await fillCarts(db, buyers.map((shopper, i) => ({ shopper, productId: stocked[i % stocked.length]!, quantity: 1 + (i % 3) })), now);
    return { stocked, shoppers, buyers, sample: await sampleCatalog(db) };
  });
  const { stocked, shoppers, buyers, sample } = main.extra;
  log(`  ${shoppers.length} shoppers and ${buyers.length} buyers with a cart each`);

  log('measuring…');
  await measureBaseline();

  const shop = await startShop({ cwd: work, databaseUrl: main.url, secret });
  idleRssBytes = memoryOf(shop.pid)?.rss ?? null;
  const origin = shop.url;
  const reads = readScenarios(sample);
  const cartAdd = cartAddScenario(origin, shoppers, stocked, 20_000);
  const orderRequests = placeOrderRequests(origin, buyers, 'run');
  const take = (count: number) => orderRequests.splice(0, count);
  const [probeOrder, warmOrders, measuredOrders, profiledOrders] = [take(1), take(buyersFor(warmup)), take(buyersFor(seconds)), orderRequests];
  const checkout = placeOrderScenario(measuredOrders);
  let accounting: CheckoutAccounting | null = null;
  let shopPeakRss: number | null = null;
  try {
    for (const scenario of [...reads, cartAdd]) await probe(shop, scenario);
    await probe(shop, checkout, probeOrder[0]);
    for (const scenario of reads) if (included(scenario.name)) await measure(shop, scenario, { read: true });
    if (included(cartAdd.name)) await measure(shop, cartAdd);
    // The catalog as it was before any order, for the profiles (no backlog of order emails to send).
    {
      const { db } = await openDatabase(main.url);
      await sql`VACUUM INTO ${snapshot.slice('file:'.length)}`.execute(db);
      await db.destroy();
    }

    if (included(checkout.name)) accounting = await measureCheckout(shop, checkout, warmOrders, main.url, stocked);
    shopPeakRss = Math.max(...results.map((r) => r.peakRssBytes ?? 0)) || null;
  } finally {
    await shop.stop();
  }

  await measureBaseline();
  const baselineRps = baselineRuns.reduce((sum, r) => sum + r.rps, 0) / baselineRuns.length;
  for (const r of results) r.ratio = r.rps / baselineRps;

  // Scale: the same list and search requests against a small and a large catalog
  // (skipped by an --only that leaves out both: seeding the large catalog takes a while).
  const scaled = included('product.list') || included('product.search');
  if (scaled) log(`scale: ${scaleSizes.map((n) => n.toLocaleString('en-US')).join(' vs ')} products…`);
  const scalePoints: ScalePoint[] = [];
  for (const size of scaled ? scaleSizes : []) {
    const db = size === products ? main : await database(`scale-${size}`, size, async () => undefined);
    const sized = size === products ? sample : await (async () => {
      const { db: handle } = await openDatabase(db.url);
      try {
        return await sampleCatalog(handle);
      } finally {
        await handle.destroy();
      }
    })();
    const server = await startShop({ cwd: work, databaseUrl: db.url, secret });
    try {
      const scaleSeconds = quick ? 1 : Math.min(seconds, 5);
      const list = listRequests(sized);
      const search = searchRequests();
      if (warmup) await run(server.url, [...list, ...search], warmup);
      const listResult = await run(server.url, list, scaleSeconds);
      const searchResult = await run(server.url, search, scaleSeconds);
      scalePoints.push({ products: size, listP50Ms: listResult.p50Ms, searchP50Ms: searchResult.p50Ms, listRps: listResult.rps, searchRps: searchResult.rps });
      log(`  ${size.toLocaleString('en-US').padStart(7)} products: list p50 ${listResult.p50Ms.toFixed(2)} ms (${listResult.rps.toFixed(0)} req/s), search p50 ${searchResult.p50Ms.toFixed(2)} ms (${searchResult.rps.toFixed(0)} req/s)`);
    } finally {
      await server.stop();
    }
    if (db !== main) rmSync(db.url.slice('file:'.length), { force: true });
  }
  const [small, large] = scalePoints;

  const home = pageWeight(clientDir, 'home');
  const productPage = pageWeight(clientDir, 'product');
  const baselineOf = (key: 'p50Ms' | 'p99Ms') => baselineRuns.reduce((sum, r) => sum + r[key], 0) / baselineRuns.length;
  const date = new Date().toISOString().slice(0, 10);
  const partial = {
    date,
    quick,
    tool: loader.tool,
    machine: { cpus: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown', platform: `${process.platform} ${process.arch}`, bun: Bun.version },
    products,
    connections,
    seconds,
    warmupSeconds: warmup,
    baseline: { rps: baselineRps, p50Ms: baselineOf('p50Ms'), p99Ms: baselineOf('p99Ms'), runs: baselineRuns.map((r) => r.rps) },
    scenarios: results,
    checkout: accounting,
    peakRssBytes: shopPeakRss,
    scale: small && large ? { small, large, listP50Ratio: large.listP50Ms / small.listP50Ms, searchP50Ratio: large.searchP50Ms / small.searchP50Ms } : null,
    client: { home: { jsBytes: home.js, cssBytes: home.css }, product: { jsBytes: productPage.js, cssBytes: productPage.css, files: productPage.files } },
    idleRssBytes,
  };
  const misses = findMisses(partial);

  // Profiles: the shop under each missed scenario's load (and /healthz, the per-request floor), one process each.
  const profiles: Partial<Record<ScenarioName, ProfileSummary>> = {};
  if (profile) {
    const all = new Map<ScenarioName, Scenario>([...reads, cartAdd, placeOrderScenario(profiledOrders)].map((s) => [s.name, s]));
    const wanted = new Set<ScenarioName>([...(included('healthz') ? ['healthz' as const] : []), ...misses.flatMap((m) => (m.scenario ? [m.scenario] : []))]);
    log(`profiling: ${[...wanted].join(', ')}…`);
    for (const name of wanted) {
      const dir = join(work, `profile-${name}`);
      mkdirSync(dir);
      const server = await startShop({ cwd: work, databaseUrl: snapshot, secret, bunArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'] });
      try {
        // Writes carry the shop's own origin (the same-origin check): this server's.
        const requests = all.get(name)!.requests.map((r) => (r.headers?.origin ? { ...r, headers: { ...r.headers, origin: server.url } } : r));
        const result = await run(server.url, requests, profileSeconds);
        if (result.errors) log(`  ${name}: ${result.errors} of ${result.requests} requests failed while profiling`);
      } finally {
        await server.stop();
      }
      // BENCH_PROFILE_DIR keeps the raw profiles (Chrome DevTools and speedscope open them).
      if (process.env.BENCH_PROFILE_DIR) cpSync(dir, join(process.env.BENCH_PROFILE_DIR, name), { recursive: true });
      try {
        profiles[name] = readProfile(dir);
      } catch (error) {
        log(`  no profile for ${name}: ${(error as Error).message}`);
      }
    }
  }

  const report: BenchReport = { ...partial, misses, profiles };
  console.log(`\n${table(report)}\n`);
  console.log(
    `peak RSS ${shopPeakRss === null ? 'n/a' : `${(shopPeakRss / 1024 / 1024).toFixed(0)} MB`}; ` +
      (report.scale ? `scale p50 ratio list ${report.scale.listP50Ratio.toFixed(2)}, search ${report.scale.searchP50Ratio.toFixed(2)}; ` : '') +
      `client JS+CSS gzipped: home ${(home.js / 1024).toFixed(1)}+${(home.css / 1024).toFixed(1)} KB, product ${(productPage.js / 1024).toFixed(1)}+${(productPage.css / 1024).toFixed(1)} KB`,
  );
  console.log(misses.length ? `\nmissed targets:\n${misses.map((m) => `  - ${m.what}: ${m.actual} (target ${m.target}; ${m.by})`).join('\n')}` : '\nevery target met');
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `${date}${quick ? '-quick' : ''}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(report));
  console.log(`\nwrote ${base}.json and ${base}.md`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
