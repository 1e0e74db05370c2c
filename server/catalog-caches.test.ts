// The catalog read caches (server/read-cache.ts, server/ssr/page-cache.ts) never
// show a shopper a stale catalog: a price change, an archive or a stock change,
// made by an admin, by a checkout or by another process, is visible at once (or,
// from another process, within FRESH_MS); and a shared page never carries one
// visitor's things to another.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { sql } from 'kysely';
import { catalogVersions, FRESH_MS, freshVersions } from '../routers/product/catalog-version.ts';
import { ADMIN, createTestShop, type TestShop } from './testing/test-shop.ts';
import { CATALOG_CACHE_BYTES, catalogReadCache, VersionedLru } from './read-cache.ts';
import { PAGE_CACHE_BYTES, pageCache } from './ssr/page-cache.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

let made = 0;
/** A product of its own per test, in the first category. */
async function product(stock = 50, priceCents = 2500) {
  const n = ++made;
  const admin = shop.caller(ADMIN);
  const [category] = await shop.caller().product.categories();
  const created = await admin.admin.product.create({ name: `Cache Test Lamp ${n}`, priceCents, stock, categories: [category!.slug] });
  return { id: created.id, slug: created.slug, category: category!.slug };
}

const trpc = (procedure: string, input: unknown, cookie?: string) =>
  shop.fetch(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, cookie ? { headers: { cookie } } : undefined);
const data = async (res: Response) => ((await res.json()) as { result: { data: any } }).result.data;
const detail = async (slug: string) => data(await trpc('product.get', { slug }));
const listed = async (category: string) => (await data(await trpc('product.list', { category, sort: 'newest', pageSize: 100 }))).items as { id: number; priceCents: number; stock: number }[];

describe('the catalog read cache (tRPC product.*)', () => {
  it('answers the same read twice with the same JSON', async () => {
    const { slug } = await product();
    const first = await trpc('product.get', { slug });
    const second = await trpc('product.get', { slug });
    expect(first.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('shows a price change at once', async () => {
    const { id, slug, category } = await product(50, 2500);
    expect((await detail(slug)).priceCents).toBe(2500);
    expect((await listed(category)).find((p) => p.id === id)?.priceCents).toBe(2500);
    await shop.caller(ADMIN).admin.product.update({ id, priceCents: 1999 });
    expect((await detail(slug)).priceCents).toBe(1999);
    expect((await listed(category)).find((p) => p.id === id)?.priceCents).toBe(1999);
  });

  it('stops showing an archived product at once', async () => {
    const { id, slug, category } = await product();
    expect((await trpc('product.get', { slug })).status).toBe(200);
    expect((await listed(category)).some((p) => p.id === id)).toBe(true);
    await shop.caller(ADMIN).admin.product.archive({ id });
    expect((await trpc('product.get', { slug })).status).toBe(404);
    expect((await listed(category)).some((p) => p.id === id)).toBe(false);
  });

  it('shows the stock a checkout left, and an admin adjustment, at once', async () => {
    const { id, slug } = await product(10);
    expect((await detail(slug)).stock).toBe(10);
    const { session, email } = await shop.register();
    const api = shop.caller(session);
    await api.cart.add({ productId: id, quantity: 3 });
    const address = { firstName: 'Ada', lastName: 'Byron', street: '1 Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };
    const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvv: '123' };
    await api.checkout.placeOrder({ idempotencyKey: `cache-test-${id}`, email, shippingAddress: address, card });
    expect((await detail(slug)).stock).toBe(7);
    await shop.caller(ADMIN).admin.product.adjustStock({ id, delta: 5, reason: 'Found a box' });
    expect((await detail(slug)).stock).toBe(12);
  });

  it("shows another process's change within FRESH_MS", async () => {
    const { id, slug } = await product(50, 4000);
    expect((await detail(slug)).priceCents).toBe(4000);
    // Another process: its own connection, its own write counter.
    const file = shop.config.databaseUrl.slice('file:'.length);
    const other = Bun.spawn([process.execPath, '-e', `
      import { createClient } from '@libsql/client';
      const client = createClient({ url: 'file:${file}' });
      await client.execute({ sql: 'UPDATE products SET "priceCents" = 4100 WHERE id = ?', args: [${id}] });
      client.close();
    `]);
    expect(await other.exited).toBe(0);
    await Bun.sleep(FRESH_MS + 50);
    expect((await detail(slug)).priceCents).toBe(4100);
  });

  it('keeps category counts across a sale, and counts a new product at once', async () => {
    const { id, category } = await product(5);
    const count = async () => (await data(await trpc('product.categories', undefined))).find((c: { slug: string }) => c.slug === category).productCount as number;
    const before = await count();
    await shop.db.updateTable('products').set({ stock: 4 }).where('id', '=', id).execute();
    const { rows } = await sql<{ version: number; structure: number }>`SELECT version, structure FROM catalog_version`.execute(shop.db);
    expect(await count()).toBe(before);
    await product();
    expect(await count()).toBe(before + 1);
    // The stock change moved the version but not the structure the counts depend on.
    await shop.db.updateTable('products').set({ stock: 3 }).where('id', '=', id).execute();
    const after = (await sql<{ version: number; structure: number }>`SELECT version, structure FROM catalog_version`.execute(shop.db)).rows[0]!;
    expect(after.version).toBeGreaterThan(rows[0]!.version);
    expect(after.structure).toBe(rows[0]!.structure + 2); // the new product and its category link
  });
});

describe('the catalog version', () => {
  it("is not trusted after this process's last write, even while it is being read again", async () => {
    const { id } = await product();
    const before = await catalogVersions(shop.db);
    expect(freshVersions(shop.db)).toEqual(before);
    await shop.db.updateTable('products').set({ stock: 7 }).where('id', '=', id).execute();
    expect(freshVersions(shop.db)).toBeNull();
    const reading = catalogVersions(shop.db);
    expect(freshVersions(shop.db)).toBeNull();
    const after = await reading;
    expect(after.version).toBeGreaterThan(before.version);
    expect(freshVersions(shop.db)).toEqual(after);
  });
});

describe('an answer being computed', () => {
  it('is shared with requests of the same catalog version only', async () => {
    const cache = catalogReadCache(shop.db);
    const req = new Request('http://localhost/trpc/product.get?input=%7B%22id%22%3A1%7D');
    const path = '/trpc/product.get';
    let finish!: (res: Response) => void;
    const first = cache.answer(req, path, () => new Promise((resolve) => (finish = resolve)));
    // While it runs, the same request shares it…
    let computed = 0;
    const same = cache.answer(req, path, async () => (computed++, Response.json('again')));
    // …but after a catalog change, a request computes its own.
    await Bun.sleep(5);
    const { id } = await product();
    await shop.caller(ADMIN).admin.product.update({ id, priceCents: 1234 });
    const after = await cache.answer(req, path, async () => Response.json('after the change'));
    expect(await after.json()).toBe('after the change');
    finish(Response.json('before the change'));
    expect(await (await first).json()).toBe('before the change');
    expect(await (await same).json()).toBe('before the change');
    expect(computed).toBe(0);
  });
});

const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/application\/ld\+json/.test(m[1]!));
const sha256 = async (text: string) => `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64')}'`;

describe('the page cache (visitors with no cookie)', () => {
  it('serves the same bytes to everyone: its inline scripts run by their hashes in the Content-Security-Policy, no nonce', async () => {
    const { slug } = await product();
    const [a, b] = [await shop.fetch(`/product/${slug}`), await shop.fetch(`/product/${slug}`)];
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    expect(a.status).toBe(200);
    expect(htmlA).toBe(htmlB);
    expect(htmlA).not.toContain('nonce');
    const policy = a.headers.get('content-security-policy')!;
    expect(policy).not.toContain('nonce-');
    const scripts = inlineScripts(htmlA);
    // Solid's hydration bootstrap and the page's data, at least.
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const allowed = policy.match(/script-src ([^;]*)/)![1]!.split(' ').filter((source) => source.startsWith("'sha256-"));
    expect(allowed.sort()).toEqual([...new Set(await Promise.all(scripts.map((m) => sha256(m[2]!))))].sort());
  });

  it("gives a signed-in shopper's page a nonce of its own, matching its Content-Security-Policy", async () => {
    const { slug } = await product();
    const { cookie } = await shop.register();
    const nonceOf = (html: string) => /<script[^>]* nonce="([^"]+)"/.exec(html)?.[1];
    const [a, b] = [await shop.fetch(`/product/${slug}`, { headers: { cookie } }), await shop.fetch(`/product/${slug}`, { headers: { cookie } })];
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    expect(nonceOf(htmlA)).toBeTruthy();
    expect(nonceOf(htmlA)).not.toBe(nonceOf(htmlB));
    expect(a.headers.get('content-security-policy')).toContain(`'nonce-${nonceOf(htmlA)}'`);
    expect(b.headers.get('content-security-policy')).toContain(`'nonce-${nonceOf(htmlB)}'`);
  });

  it('keeps pages gzipped where the server compresses: gzip as stored for a client that takes it, plain for one that does not', async () => {
    const pages = pageCache(shop.db, { compress: true });
    const html = `<script nonce="N">run()</script>${'<p>a product</p>'.repeat(500)}`;
    const render = async (nonce: string) => ({ html: html.replace('N', nonce), status: 200, route: '/x', shareable: true, reads: ['product.get'] });
    const gzipped = await pages.serve('g', true, render);
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(html.length / 10);
    expect(new TextDecoder().decode(gunzipSync(gzipped.body))).toBe(html.replace(' nonce="N"', ''));
    const plain = await pages.serve('g', false, render);
    expect(plain.encoding).toBeUndefined();
    expect(new TextDecoder().decode(plain.body)).toBe(html.replace(' nonce="N"', ''));
    expect(plain.policy).toContain(await sha256('run()'));
  });

  it('shows a price change and an archive at once', async () => {
    // A price no other product of the page (its related products) has.
    const { id, slug } = await product(50, 2517);
    expect(await (await shop.fetch(`/product/${slug}`)).text()).toContain('$25.17');
    await shop.caller(ADMIN).admin.product.update({ id, priceCents: 3175 });
    const page = await (await shop.fetch(`/product/${slug}`)).text();
    expect(page).toContain('$31.75');
    expect(page).not.toContain('$25.17');
    await shop.caller(ADMIN).admin.product.archive({ id });
    expect((await shop.fetch(`/product/${slug}`)).status).toBe(404);
  });

  it('never serves a shared page to a signed-in shopper, nor theirs to anyone', async () => {
    const { slug } = await product();
    const anonymous = await (await shop.fetch(`/product/${slug}`)).text();
    const { cookie } = await shop.register({ name: 'Grace Hopper' });
    const signedIn = await (await shop.fetch(`/product/${slug}`, { headers: { cookie } })).text();
    expect(signedIn).toContain('Grace Hopper');
    expect(anonymous).not.toContain('Grace Hopper');
    expect(await (await shop.fetch(`/product/${slug}`)).text()).not.toContain('Grace Hopper');
  });

  it('renders again a page that read anything but the catalog, and keeps nothing that failed', async () => {
    const pages = pageCache(shop.db);
    let renders = 0;
    const render = (reads: string[], status = 200) => async (nonce: string) => {
      renders++;
      return { html: `<script nonce="${nonce}"></script>${renders}`, status, route: '/x', shareable: true, reads };
    };
    await pages.serve('a', false, render(['product.list', 'cart.get']));
    const again = await pages.serve('a', false, render(['product.list']));
    expect(renders).toBe(1);
    expect(new TextDecoder().decode(again.body)).toBe('<script></script>1');
    const once = await pages.serve('b', false, render(['order.list']));
    // Not shared: rendered for this response, with a nonce of its own.
    const nonce = /nonce="([^"]+)"/.exec(new TextDecoder().decode(once.body))![1]!;
    expect(once.policy).toContain(`'nonce-${nonce}'`);
    await pages.serve('b', false, render(['order.list']));
    expect(renders).toBe(3);
    await pages.serve('c', false, render(['product.get'], 404));
    await pages.serve('c', false, render(['product.get'], 404));
    expect(renders).toBe(5);
  });

  it('leaves out visitors with a cookie and requests other than GET and HEAD', () => {
    const pages = pageCache(shop.db);
    const url = new URL('http://localhost/product/x?a=1');
    expect(pages.keyFor(new Request(url), url)).toBe('http://localhost/product/x?a=1');
    expect(pages.keyFor(new Request(url, { method: 'HEAD' }), url)).toBe('http://localhost/product/x?a=1');
    expect(pages.keyFor(new Request(url, { headers: { cookie: 'gomall_cart=abc' } }), url)).toBeNull();
    expect(pages.keyFor(new Request(url, { method: 'POST' }), url)).toBeNull();
  });
});

describe('the memory the caches hold', () => {
  it('stays within the page cache default however many distinct pages are served, and keeps the latest', async () => {
    const pages = pageCache(shop.db);
    const page = 'x'.repeat(256 * 1024);
    for (let n = 0; n < 100; n++) {
      await pages.serve(`/product/${n}`, false, async (nonce) => ({ html: `<script nonce="${nonce}"></script>${page}`, status: 200, route: '/product/:slug', shareable: true, reads: ['product.get'] }));
    }
    const { bytes, entries } = pages.stats();
    expect(bytes).toBeLessThanOrEqual(PAGE_CACHE_BYTES);
    expect(bytes).toBeGreaterThan(PAGE_CACHE_BYTES / 2);
    expect(entries).toBeLessThan(100);
    let rendered = false;
    await pages.serve('/product/99', false, async () => {
      rendered = true;
      return { html: '', status: 200, route: '/', shareable: true, reads: [] };
    });
    expect(rendered).toBe(false);
  });

  it('stays within the catalog read cache default however many distinct answers are stored', async () => {
    const cache = catalogReadCache(shop.db);
    const answer = JSON.stringify({ result: { data: 'x'.repeat(64 * 1024) } });
    for (let n = 0; n < 100; n++) {
      const req = new Request(`http://localhost/trpc/product.get?input=${n}`);
      await cache.answer(req, '/trpc/product.get', async () => Response.json(JSON.parse(answer)));
    }
    const { bytes, entries } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(CATALOG_CACHE_BYTES);
    expect(bytes).toBeGreaterThan(CATALOG_CACHE_BYTES / 2);
    expect(entries).toBeLessThan(100);
  });
});

describe('VersionedLru', () => {
  it('answers only for the version stored, and drops the least recently used past its size', () => {
    const lru = new VersionedLru<string>(100);
    lru.set('a', 1, 'A', 20);
    lru.set('b', 1, 'B', 20);
    expect(lru.get('a', 2)).toBeUndefined();
    expect(lru.get('a', 1)).toBeUndefined();
    lru.set('a', 1, 'A', 20);
    lru.set('c', 1, 'C', 20);
    expect(lru.get('b', 1)).toBe('B');
    lru.set('d', 1, 'D', 20);
    lru.set('e', 1, 'E', 20);
    lru.set('f', 1, 'F', 20);
    expect(lru.size).toBe(5);
    expect(lru.bytes).toBe(100);
    expect(lru.get('a', 1)).toBeUndefined();
    expect(lru.get('b', 1)).toBe('B');
  });
});
