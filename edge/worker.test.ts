// The built Worker (dist/edge/worker.js) in workerd through Miniflare: the real
// CartObject, static assets, and libSQL over HTTP answered in-process by the
// Hrana stand-in over a migrated and seeded temp database.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { openDatabase } from '../db/client.ts';
import { GUEST_CART_COOKIE } from '../routers/cart/cart-id.ts';
import { SESSION_COOKIE } from '../routers/user/cookie.ts';
import { workerOptions } from './testing/bundle.ts';
import { startShopWorker, type ShopWorker } from './testing/shop-worker.ts';

let worker: ShopWorker;
let mf: ShopWorker['mf'];
let dbPath: string;
/** Where the Worker sees itself (Miniflare under Bun passes requests on with its own address). */
let ORIGIN: string;
/** What the Worker wrote to standard output (its request log). */
const stdout: string[] = [];

beforeAll(async () => {
  worker = await startShopWorker({ onStdout: (text) => stdout.push(text) });
  ({ mf, origin: ORIGIN, dbPath } = worker);
}, 30_000);

afterAll(() => worker?.close());

/** A browser on the Worker: keeps its cookies and sends the shop's Origin with writes. */
function visitor() {
  const cookies = new Map<string, string>();
  const fetch = async (path: string, init: { method?: string; body?: string } = {}) => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (init.method === 'POST') Object.assign(headers, { origin: ORIGIN, 'content-type': 'application/json' });
    const res = await mf.dispatchFetch(`${ORIGIN}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [name = '', value = ''] = line.split(';')[0]!.split('=');
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    return res;
  };
  const trpc = async (path: string, input?: unknown) => {
    const res = input === undefined ? await fetch(`/trpc/${path}`) : await fetch(`/trpc/${path}`, { method: 'POST', body: JSON.stringify(input) });
    const body = (await res.json()) as any;
    return { status: res.status, data: body.result?.data, error: body.error };
  };
  const query = (path: string, input: unknown) => fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  return { cookies, fetch, trpc, query };
}

const firstProduct = async () => {
  const res = await visitor().query('product.list', { pageSize: 2 });
  return ((await res.json()) as any).result.data.items as { id: number; slug: string; name: string }[];
};

describe('the Worker on workerd', () => {
  it('answers /healthz after a real query to the database', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('server-renders the storefront with products from the database', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const [product] = await firstProduct();
    expect(html).toContain(product!.name);
    expect(html).toMatch(/<script[^>]+src="\/assets\/entry-client-[\w-]+\.js"/);
  });

  it('lists products over tRPC', async () => {
    const res = await visitor().query('product.list', { pageSize: 5 });
    expect(res.status).toBe(200);
    const { items } = ((await res.json()) as any).result.data;
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ slug: expect.any(String), priceCents: expect.any(Number) });
  });

  it('serves the client bundle from static assets', async () => {
    const manifest = JSON.parse(readFileSync('dist/client/.vite/manifest.json', 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    const res = await mf.dispatchFetch(`${ORIGIN}/${entry.file}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(join('dist/client', entry.file), 'utf8'));
  });

  it("keeps a guest's cart in a Durable Object, found again by the cart cookie", async () => {
    const guest = visitor();
    const [product] = await firstProduct();
    const added = await guest.trpc('cart.add', { productId: product!.id, quantity: 2 });
    expect(added.status).toBe(200);
    expect(guest.cookies.has(GUEST_CART_COOKIE)).toBe(true);
    const cart = await guest.trpc('cart.get');
    expect(cart.data.items).toEqual([expect.objectContaining({ productId: product!.id, quantity: 2 })]);
    expect(cart.data.itemCount).toBe(2);
    // Not in the database's cart table: the edge keeps carts in CartObjects.
    const { db } = await openDatabase(`file:${dbPath}`);
    expect(await db.selectFrom('cart_items').selectAll().execute()).toEqual([]);
    await db.destroy();
  });

  it('registers and signs in over HTTP, bringing the guest cart along', async () => {
    const shopper = visitor();
    const [tee, socks] = await firstProduct();
    await shopper.trpc('cart.add', { productId: tee!.id, quantity: 1 });
    const email = `edge-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const registered = await shopper.trpc('user.register', { email, password, confirmPassword: password, name: 'Edge Shopper' });
    expect(registered.status).toBe(200);
    expect(registered.data).toMatchObject({ email });
    expect(shopper.cookies.has(SESSION_COOKIE)).toBe(true);
    expect((await shopper.trpc('user.me')).data).toMatchObject({ email });
    expect((await shopper.trpc('cart.get')).data).toMatchObject({ signedIn: true, items: [expect.objectContaining({ productId: tee!.id, quantity: 1 })] });

    await shopper.trpc('user.logout', null);
    expect((await shopper.trpc('user.me')).data).toBeNull();

    const returning = visitor();
    await returning.trpc('cart.add', { productId: socks!.id, quantity: 3 });
    const signedIn = await returning.trpc('user.login', { email, password });
    expect(signedIn.status).toBe(200);
    expect((await returning.trpc('cart.get')).data.items).toEqual([
      expect.objectContaining({ productId: tee!.id, quantity: 1 }),
      expect.objectContaining({ productId: socks!.id, quantity: 3 }),
    ]);
  });

  it('refuses a write without the shop as Origin', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/trpc/user.login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', password: 'whatever1' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('the Worker log', () => {
  it('writes one JSON object per request with its id, route, status and duration (LOG_FORMAT=json by default)', async () => {
    const res = await mf.dispatchFetch(`${ORIGIN}/healthz`);
    const id = res.headers.get('x-request-id')!;
    await res.text();
    const line = async () => stdout.join('').split('\n').find((l) => l.includes(id));
    for (let waited = 0; !(await line()) && waited < 5000; waited += 50) await Bun.sleep(50);
    expect(JSON.parse((await line())!)).toMatchObject({ level: 'info', requestId: id, method: 'GET', route: '/healthz', status: 200, durationMs: expect.any(Number) });
  });
});

describe('the Worker without its secrets', () => {
  it('answers 500 with a plain message, and says why in its log, when SESSION_SECRET is missing', async () => {
    const errors: string[] = [];
    const unconfigured = new Miniflare({
      ...workerOptions('dist/edge/worker.js', { orderTimers: true }),
      bindings: { DATABASE_URL: 'http://db.test' },
      handleRuntimeStdio: (_stdout: Readable, stderr: Readable) => stderr.on('data', (chunk) => errors.push(String(chunk))),
    });
    try {
      const res = await unconfigured.dispatchFetch('http://shop.test/healthz');
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('The shop is not configured correctly.');
      // The log comes through workerd's stderr pipe, which the response may overtake.
      for (let waited = 0; !errors.join('').includes('GoMall cannot start') && waited < 5000; waited += 50) await Bun.sleep(50);
      expect(errors.join('')).toContain('GoMall cannot start: SESSION_SECRET must be set');
    } finally {
      await unconfigured.dispose();
    }
  });
});
