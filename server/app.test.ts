import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from './testing/test-shop.ts';

describe('the HTTP app', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await createTestShop();
  });
  afterAll(() => shop.close());

  it('answers /healthz after a real database query', async () => {
    const res = await shop.fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('logs one line per request with method, path, status, duration and the x-request-id', async () => {
    const res = await shop.fetch('/trpc/product.categories');
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    const line = shop.logger.lines.find((l) => l.includes(id!));
    expect(line).toMatch(new RegExp(`^GET /trpc/product\\.categories 200 \\d+\\.\\dms ${id}$`));
  });

  it('sends security headers with every response', async () => {
    for (const path of ['/', '/trpc/product.categories', '/healthz']) {
      const res = await shop.fetch(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('sends a page path with doubled slashes to its one-slash form, never to another host', async () => {
    for (const [path, location] of [
      ['//account', '/account'],
      ['///category/apparel?page=2', '/category/apparel?page=2'],
      ['//evil.example/phish', '/evil.example/phish'],
    ]) {
      const res = await shop.fetch(path!);
      expect([res.status, res.headers.get('location')]).toEqual([301, location!]);
    }
  });

  it("lets a page run only its own inline scripts: by a fresh nonce where it was rendered for the request, by their hashes where it is shared", async () => {
    const sha256 = async (text: string) => `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64')}'`;
    const nonces = new Set<string>();
    for (const path of ['/', '/category/apparel', '/no-such-page', '/no-such-page']) {
      const res = await shop.fetch(path);
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("frame-ancestors 'self'");
      const sources = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
      expect(sources[0]).toBe("'self'");
      const nonce = sources.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
      if (nonce) nonces.add(nonce);
      // A 404 is rendered for each request; the catalog pages of a visitor with no cookie are shared.
      expect({ path, byNonce: nonce !== undefined }).toEqual({ path, byNonce: path === '/no-such-page' });
      const inline = [...(await res.text()).matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !m[1]!.includes('application/ld+json'));
      expect(inline.length).toBeGreaterThan(0);
      for (const [, attributes, text] of inline) {
        if (nonce) expect(attributes).toContain(`nonce="${nonce}"`);
        else expect(sources).toContain(await sha256(text!));
      }
    }
    expect(nonces.size).toBe(2);
  });

  it('refuses request bodies over 256 KiB with 413, before reading them', async () => {
    const res = await shop.fetch('/trpc/user.login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('batches tRPC queries in one request', async () => {
    const res = await shop.fetch(
      `/trpc/product.categories,product.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { pageSize: 2 } }))}`,
    );
    const body = (await res.json()) as any[];
    expect(body).toHaveLength(2);
    expect(body[1].result.data.items).toHaveLength(2);
  });

  it('links the hashed client script and stylesheet from every page', async () => {
    const home = await (await shop.fetch('/')).text();
    const script = /<script type="module" src="(\/assets\/[^"]+\.js)"/.exec(home)?.[1];
    const style = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(home)?.[1];
    expect(script).toMatch(/-[\w-]{8}\.js$/);
    expect(style).toBeTruthy();
  });
});

describe('production mode', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await createTestShop({ mode: 'production', env: { SESSION_SECRET: 'x'.repeat(32) } });
  });
  afterAll(() => shop.close());

  it('hides internal errors behind the request id and logs them instead', async () => {
    await shop.db.schema.dropTable('product_categories').execute();
    const res = await shop.fetch('/trpc/product.categories');
    expect(res.status).toBe(500);
    const text = await res.text();
    const id = res.headers.get('x-request-id')!;
    expect(text).toContain(id);
    expect(text).not.toMatch(/product_categories|SQLITE|stack|node_modules/i);
    expect(shop.logger.errors.some((e) => e.line.includes(id) && (e.error as Error).message.includes('product_categories'))).toBe(true);

    const page = await shop.fetch('/');
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toMatch(/product_categories|SQLITE|node_modules|\.ts:\d+/);
    const pageId = page.headers.get('x-request-id')!;
    expect(shop.logger.errors.some((e) => e.line.includes(pageId))).toBe(true);
  });

  it('reports the database down on /healthz with 503', async () => {
    await shop.db.destroy();
    const res = await shop.fetch('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'error', db: 'down' });
  });
});
