// The Deno entry (server/deno.ts) under the `deno` npm package's runtime: the
// production shop on the built bundles, with the embedded file or libSQL over HTTP.
import { afterAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import { openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { GUEST_CART_COOKIE } from '../routers/cart/cart-id.ts';
import { seedCatalog } from './seed/catalog.ts';
import { createLibsqlHttpHandler } from './testing/libsql-http/handler.ts';
import { startQStashStandIn } from './testing/qstash.ts';
import { rawGet } from './testing/raw-get.ts';
import { shopper } from './testing/shopper.ts';
import { DENO, startDeno, type ServerProcess } from './testing/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'gomall-deno-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shop on Deno', () => {
  it('serves the seeded shop from an embedded file: health, pages, compressed assets, and carts in the database', async () => {
    const dbPath = join(dir, 'embedded.db');
    const deno = await startDeno({ DATABASE_URL: `file:${dbPath}` });
    try {
      expect(deno.output).toMatch(/GoMall \(production, Deno\) listening on/);
      const health = await fetch(`${deno.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', db: 'up' });
      const home = await fetch(deno.url);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html.match(/href="\/product\/[^"]+"/g)?.length).toBeGreaterThan(4);
      const script = /<script type="module" src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
      const asset = await fetch(new URL(script, deno.url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // Compressed as on Bun: the build's brotli twin of the file, the page gzipped on the way out.
      expect((await rawGet(new URL(script, deno.url).href, 'gzip, br')).headers['content-encoding']).toBe('br');
      expect((await rawGet(deno.url, 'gzip, br')).headers['content-encoding']).toBe('gzip');

      const guest = shopper(deno.url);
      const { items } = await guest.query('product.list', { pageSize: 1 });
      await guest.mutate('cart.add', { productId: items[0].id, quantity: 2 });
      expect(guest.cookies.has(GUEST_CART_COOKIE)).toBe(true);
      const { db } = await openDatabase(`file:${dbPath}`);
      expect(await db.selectFrom('cart_items').select(['productId', 'quantity']).execute()).toEqual([{ productId: items[0].id, quantity: 2 }]);
      await db.destroy();
    } finally {
      await deno.stop();
    }
  }, 30_000);

  it('runs on libSQL over HTTP when DATABASE_URL says so', async () => {
    const dbPath = join(dir, 'remote.db');
    const { db } = await openDatabase(`file:${dbPath}`);
    await migrateToLatest(db);
    await seedCatalog(db, Date.now());
    await db.destroy();
    const database = createLibsqlHttpHandler({ path: dbPath });
    const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: (req) => database.handle(req) });
    let deno: ServerProcess | undefined;
    try {
      deno = await startDeno({ DATABASE_URL: `http://127.0.0.1:${server.port}`, DATABASE_AUTH_TOKEN: 'token' });
      // Nothing migrated or seeded on a remote database: the start says nothing about it.
      expect(deno.output).not.toContain('migrated');
      expect(await (await fetch(`${deno.url}/healthz`)).json()).toEqual({ status: 'ok', db: 'up' });
      const page = await fetch(`${deno.url}/category/apparel`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('href="/product/');
    } finally {
      await deno?.stop();
      await server.stop(true);
      database.close();
    }
  }, 30_000);

  it('hands jobs to QStash with SCHEDULER=qstash, and runs them when QStash delivers them signed', async () => {
    const qstash = startQStashStandIn({ token: 'deno-qstash-token', now: Date.now });
    const dbPath = join(dir, 'qstash.db');
    const PUBLIC_URL = 'https://shop.test';
    let deno: ServerProcess | undefined;
    try {
      deno = await startDeno({
        DATABASE_URL: `file:${dbPath}`,
        PUBLIC_URL,
        SCHEDULER: 'qstash',
        QSTASH_URL: qstash.url,
        QSTASH_TOKEN: 'deno-qstash-token',
        QSTASH_CURRENT_SIGNING_KEY: 'sig_deno_current',
        QSTASH_NEXT_SIGNING_KEY: 'sig_deno_next',
        MAIL_TRANSPORT: 'mailbox',
      });
      const email = `deno-${Date.now()}@example.com`;
      await shopper(deno.url).mutate('user.register', { email, password: 'correct horse battery', confirmPassword: 'correct horse battery', name: 'Deno Shopper' });
      const welcome = qstash.messages.find((m) => m.destination === `${PUBLIC_URL}/jobs/email.send`);
      expect(JSON.parse(welcome!.body)).toMatchObject({ to: email });
      // QStash calls PUBLIC_URL back; here that is the Deno server on its port.
      const server = deno.url;
      const statuses = await qstash.deliverDue(async (request) => {
        const { pathname } = new URL(request.url);
        return fetch(new URL(pathname, server), { method: 'POST', headers: request.headers, body: await request.text() });
      }, 'sig_deno_current');
      expect(statuses).toEqual([200]);
      const { db } = await openDatabase(`file:${dbPath}`);
      expect(await db.selectFrom('mailbox').select('to').where('to', '=', email).execute()).toHaveLength(1);
      await db.destroy();
    } finally {
      await deno?.stop();
      qstash.stop();
    }
  }, 30_000);

  it('refuses to start without SESSION_SECRET, saying what to set', async () => {
    const proc: Subprocess<'ignore', 'pipe', 'pipe'> = Bun.spawn([DENO, 'run', '-A', 'server/deno.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: `file:${join(dir, 'refused.db')}` },
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 20_000,
    });
    const [code, stderr] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('GoMall cannot start: SESSION_SECRET must be set to at least 32 characters (e.g. `openssl rand -hex 32`)');
  }, 30_000);
});
