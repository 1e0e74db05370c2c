// What a hostile client can and cannot do to the HTTP stack: oversized batches,
// forged log lines and request ids, broken Host headers, streamed tRPC answers,
// and text fields carrying control characters.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from './testing/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const PASSWORD = 'correct horse battery';
const count = async (table: 'users' | 'login_attempts' | 'addresses' | 'products') =>
  Number((await shop.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const newAccount = () => {
  const email = `hardening${crypto.randomUUID()}@example.com`;
  return { email, password: PASSWORD, confirmPassword: PASSWORD };
};
const json = { origin: 'http://localhost', 'content-type': 'application/json' };
const errorOf = async (res: Response) => ((await res.json()) as any).error;

describe('tRPC batches', () => {
  const registerBatch = (size: number) =>
    shop.fetch(`/trpc/${Array(size).fill('user.register').join(',')}?batch=1`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [i, newAccount()]))),
    });

  it('refuses a batch of more than 20 calls with 400, running none of them', async () => {
    const before = await count('users');
    const res = await registerBatch(21);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect([error.message, error.data.code]).toEqual(['Batch call exceeds maximum size', 'BAD_REQUEST']);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await count('users')).toBe(before);
  });

  it('still runs a small batch', async () => {
    const before = await count('users');
    const res = await registerBatch(2);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any[];
    expect(body.map((r) => typeof r.result.data.id)).toEqual(['number', 'number']);
    expect(await count('users')).toBe(before + 2);
  });
});

describe('the request log', () => {
  const forged = ['/product/x%0aGET%20/admin%20200', '/product/%1b[31mred', '/product/a%00b%0d%7f', '/product/%E2%80%A8x'];

  it('writes one printable line per request, the path still percent-encoded', async () => {
    for (const path of forged) {
      const res = await shop.fetch(path);
      const id = res.headers.get('x-request-id')!;
      const lines = shop.logger.lines.filter((l) => l.includes(id));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^[\x21-\x7e ]+$/);
      expect(lines[0]).toStartWith(`GET ${path} ${res.status} `);
    }
    expect(shop.logger.lines.join('\n')).not.toContain('GET /admin 200');
  });

  it('gives every request an id of its own, whatever x-request-id the client sends', async () => {
    const res = await shop.fetch('/trpc/product.categories', { headers: { 'x-request-id': 'chosen' } });
    const id = res.headers.get('x-request-id');
    expect(id).not.toBe('chosen');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(shop.logger.lines.some((l) => l.endsWith(' chosen'))).toBe(false);
  });
});

describe('a malformed Host header', () => {
  /** One HTTP/1.1 request written by hand: fetch() itself refuses such Host headers. */
  async function rawRequest(port: number, request: string) {
    let response = '';
    await new Promise<void>((resolve, reject) =>
      Bun.connect({
        hostname: '127.0.0.1',
        port,
        socket: {
          open: (socket) => void socket.write(request),
          data: (_socket, chunk) => void (response += chunk.toString()),
          close: () => resolve(),
          error: (_socket, error) => reject(error),
        },
      }).catch(reject),
    );
    const [head = '', body = ''] = response.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), body };
  }

  it('is answered 400 on every route, never with a server error', async () => {
    const server = Bun.serve({ port: 0, fetch: shop.app.fetch });
    const errors = shop.logger.errors.length;
    try {
      for (const host of ['localhost:99999', '[::1']) {
        for (const path of ['/', '/product/x', '/trpc/product.categories', '/account']) {
          const res = await rawRequest(server.port!, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
          expect([host, path, res.status, res.body]).toEqual([host, path, 400, 'Bad Host header']);
        }
        // A write too: the Host is wrong before the origin can be judged.
        const post = await rawRequest(server.port!, `POST /trpc/user.logout HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        expect([host, post.status, post.body]).toEqual([host, 400, 'Bad Host header']);
      }
      const good = await rawRequest(server.port!, `GET /trpc/product.categories HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(good.status).toBe(200);
      expect(shop.logger.errors.length).toBe(errors);
    } finally {
      await server.stop(true);
    }
  });
});

describe('streamed tRPC answers', () => {
  it('are refused with 400 before any procedure runs: no account without its session cookie', async () => {
    const before = await count('users');
    const streaming: Record<string, string>[] = [{ 'trpc-accept': 'application/jsonl' }, { accept: 'text/html, application/jsonl' }];
    for (const headers of streaming) {
      const res = await shop.fetch('/trpc/user.register', { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(newAccount()) });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Streaming tRPC responses (application/jsonl) are not supported.');
    }
    expect(await count('users')).toBe(before);
  });
});

describe('sign-in', () => {
  it('refuses an email longer than any real address without recording the attempt', async () => {
    const before = await count('login_attempts');
    const res = await shop.mutate('user.login', { email: `${'a'.repeat(250_000)}@example.com`, password: PASSWORD });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('email: must be at most 254 characters');
    expect(await count('login_attempts')).toBe(before);
  });
});

describe('text fields', () => {
  it('refuse control characters in a shopper’s name, keeping the old one', async () => {
    const { cookie } = await shop.register({ name: 'Ada' });
    for (const name of ['a\u0000b', 'a\u001b[31mb', 'a\tb', 'a\nb']) {
      const res = await shop.mutate('user.updateProfile', { name }, cookie);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toBe('name: must not contain control characters');
    }
    const me = await shop.fetch('/trpc/user.me', { headers: { cookie } });
    expect(((await me.json()) as any).result.data.name).toBe('Ada');
  });

  it('refuse control characters in an address, saving nothing', async () => {
    const { cookie } = await shop.register();
    const before = await count('addresses');
    const address = { firstName: 'Ada', lastName: 'Lovelace', street: '1 Main St', city: 'Spring\u0000field', state: '', zip: '12345', country: 'US' };
    const res = await shop.mutate('user.saveAddress', address, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('city: must not contain control characters');
    expect(await count('addresses')).toBe(before);
  });

  it('refuse control characters in a product name, but let a description keep its lines and tabs', async () => {
    const { cookie, email } = await shop.register();
    await shop.makeAdmin(email);
    const before = await count('products');
    const bad = await shop.mutate('admin.product.create', { name: 'Desk\u0000Lamp', priceCents: 1000 }, cookie);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toBe('name: must not contain control characters');
    const badDescription = await shop.mutate('admin.product.create', { name: 'Desk Lamp', description: 'Bright\u0007', priceCents: 1000 }, cookie);
    expect((await errorOf(badDescription)).message).toBe('description: must not contain control characters');
    expect(await count('products')).toBe(before);

    const ok = await shop.mutate('admin.product.create', { name: 'Desk Lamp', description: 'Bright.\r\n\tWarm.', priceCents: 1000 }, cookie);
    expect(ok.status).toBe(200);
    expect(await count('products')).toBe(before + 1);
  });
});

describe('the log line of a server error', () => {
  let broken: TestShop;
  let cookie: string;
  beforeAll(async () => {
    broken = await createTestShop();
    ({ cookie } = await broken.register());
    // Looking up the session of any signed-in request now fails.
    await broken.db.schema.dropTable('sessions').execute();
  });
  afterAll(() => broken.close());

  it('carries the path as it arrived, on one printable line', async () => {
    const res = await broken.fetch('/x%0aGET%20/admin%20200%1b[0m', { headers: { cookie } });
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id')!;
    const logged = broken.logger.errors.filter((e) => e.line.includes(id)).map((e) => e.line);
    expect(logged).toEqual([`GET /x%0aGET%20/admin%20200%1b[0m failed, request ${id}`]);
  });
});

describe('page addresses with odd query strings or paths', () => {
  it('answer with a page, never a server error or anything internal, in production', async () => {
    const production = await createTestShop({ mode: 'production', env: { SESSION_SECRET: 'x'.repeat(32) } });
    try {
      const admin = await production.register();
      await production.makeAdmin(admin.email);
      for (const [path, status, cookie] of [
        ['/search?q=a&q=b', 200],
        ['/search?q=mug&toString=x&constructor=y&__proto__=z', 200],
        ['/search?q=mug&min=1&min=2&max=900&max=3', 200],
        ['/category/apparel?page=1&page=2&sort=name&sort=x', 200],
        ['/category/apparel?page=1000001', 200],
        ['/category/..%2f', 404],
        ['/category/A_B', 404],
        [`/category/${'a'.repeat(121)}`, 404],
        ['/product/%00', 404],
        ['/sign-in?next=/a&next=//evil.example', 200],
        ['/admin/products?q=a&q=b&page=2&page=x', 200, admin.cookie],
      ] as const) {
        const res = await production.fetch(path, { headers: { cookie: cookie ?? '' } });
        const html = await res.text();
        expect({ path, status: res.status }).toEqual({ path, status });
        expect({ path, leak: /stack|sourceURL|\.tsx?:\d|\/node_modules\//.exec(html)?.[0] }).toEqual({ path, leak: undefined });
      }
      expect(production.logger.errors).toEqual([]);
    } finally {
      await production.close();
    }
  });
});

describe('input errors', () => {
  it('say a missing field is required, and a missing input too, in words', async () => {
    const missingField = await shop.fetch('/trpc/cart.add', { method: 'POST', headers: json, body: '{}' });
    expect(missingField.status).toBe(400);
    const error = await errorOf(missingField);
    expect(error.message).toBe('productId: is required');
    expect(error.data.issues).toEqual([{ path: 'productId', message: 'is required' }]);
    const missingInput = await shop.fetch('/trpc/user.login', { method: 'POST', headers: json });
    expect(missingInput.status).toBe(400);
    expect((await errorOf(missingInput)).message).toBe('input is required (a JSON object of fields)');
  });
});
