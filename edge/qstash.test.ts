// The QStash scheduler on the built Worker in workerd (Miniflare): checkout
// publishes the order's payment deadline to QStash (the stand-in, reached through
// the Worker's outbound fetch), and the Worker's POST /jobs/:name checks QStash's
// signature with Web Crypto before it runs the job.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare';
import { openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SESSION_COOKIE } from '../routers/user/cookie.ts';
import { seedCatalog } from '../server/seed/catalog.ts';
import { createLibsqlHttpHandler, type LibsqlHttpHandler } from '../server/testing/libsql-http/handler.ts';
import { signQStash, startQStashStandIn, type QStashStandIn } from '../server/testing/qstash.ts';
import { buildWorker } from './build.ts';
import { workerOptions } from './testing/bundle.ts';

const PUBLIC_URL = 'https://shop.test';
const SIGNING_KEY = 'sig_edge_current';
const dir = mkdtempSync(join(tmpdir(), 'gomall-qstash-worker-'));
const dbPath = join(dir, 'remote.db');
let database: LibsqlHttpHandler;
let qstash: QStashStandIn;
let mf: Miniflare;
let ORIGIN: string;

beforeAll(async () => {
  const [scriptPath] = await Promise.all([buildWorker(), seed()]);
  database = createLibsqlHttpHandler({ path: dbPath });
  qstash = startQStashStandIn({ token: 'edge-qstash-token', now: Date.now });
  mf = new Miniflare({
    ...workerOptions(scriptPath, { orderTimers: true }),
    assets: { directory: 'dist/client', binding: 'ASSETS', routerConfig: { has_user_worker: true } },
    bindings: {
      DATABASE_URL: 'http://db.test',
      DATABASE_AUTH_TOKEN: 'test-token',
      SESSION_SECRET: 'edge-test-secret-'.padEnd(40, 'x'),
      PUBLIC_URL,
      SCHEDULER: 'qstash',
      // Order timers through QStash too (the default is an OrderTimer per order: edge/order-timer.test.ts).
      ORDER_TIMERS: 'qstash',
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: 'edge-qstash-token',
      QSTASH_CURRENT_SIGNING_KEY: SIGNING_KEY,
      QSTASH_NEXT_SIGNING_KEY: 'sig_edge_next',
      // Due as soon as it is placed: the Worker's clock is the real one.
      ORDER_PAYMENT_TIMEOUT_SECONDS: '0',
    },
    handleRuntimeStdio: (_stdout: Readable, stderr: Readable) => stderr.pipe(process.stderr),
    // Outbound: the QStash API (the stand-in) or the database.
    outboundService: async (request: MiniflareRequest) => {
      const forwarded = new Request(request.url, { method: request.method, headers: [...request.headers], body: request.method === 'GET' ? undefined : await request.text() });
      const res = request.url.startsWith(qstash.url) ? await fetch(forwarded) : await database.handle(forwarded);
      return new MiniflareResponse(await res.text(), { status: res.status, headers: Object.fromEntries(res.headers) });
    },
  });
  ORIGIN = (await mf.ready).origin;
}, 30_000);

afterAll(async () => {
  await mf?.dispose();
  qstash?.stop();
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function seed() {
  const { db } = await openDatabase(`file:${dbPath}`);
  await migrateToLatest(db);
  await seedCatalog(db, Date.now());
  await db.destroy();
}

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
