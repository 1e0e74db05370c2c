// LOG_FORMAT=json (production's default): one JSON object per line with the request's
// id, route template, user, status and duration; errors with their stack, in the log
// only. LOG_FORMAT=pretty (development's default) keeps the readable line.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readConfig } from '../routers/config.ts';
import { createLogger } from './logger.ts';
import { createTestShop, type TestShop } from './testing/test-shop.ts';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('LOG_FORMAT', () => {
  it('is json in production and pretty otherwise, unless set', () => {
    expect(readConfig({ SESSION_SECRET: 'x'.repeat(32) }, 'production').logFormat).toBe('json');
    expect(readConfig({}, 'development').logFormat).toBe('pretty');
    expect(readConfig({ LOG_FORMAT: 'json' }, 'development').logFormat).toBe('json');
    expect(() => readConfig({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be one of json, pretty (got "xml")');
  });
});

describe('JSON log lines', () => {
  let shop: TestShop;
  let slug: string;
  beforeAll(async () => {
    shop = await createTestShop({ env: { LOG_FORMAT: 'json' } });
    ({ slug } = await shop.db.selectFrom('products').select('slug').orderBy('id').executeTakeFirstOrThrow());
  });
  afterAll(() => shop.close());

  /** The one line written for the request with this id, parsed. */
  const lineOf = (id: string) => {
    const lines = shop.logger.written.filter((l) => l.includes(id));
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0]!);
  };

  it('parse, one object per line, each with its time and level', () => {
    expect(shop.logger.written.length).toBeGreaterThan(0);
    for (const line of shop.logger.written) {
      expect(line).not.toContain('\n');
      expect(JSON.parse(line)).toMatchObject({ time: expect.stringMatching(ISO_TIME), level: expect.stringMatching(/^(info|error)$/) });
    }
  });

  it('carry the request id, method, route template, path, status and duration of a page', async () => {
    const res = await shop.fetch(`/product/${slug}`);
    const id = res.headers.get('x-request-id')!;
    expect(lineOf(id)).toEqual({
      time: expect.stringMatching(ISO_TIME),
      level: 'info',
      msg: expect.stringMatching(new RegExp(`^GET /product/${slug} 200 \\d+\\.\\dms ${id}$`)),
      requestId: id,
      method: 'GET',
      route: '/product/:slug',
      path: `/product/${slug}`,
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('name the tRPC procedure as the route, and the user when signed in', async () => {
    const { cookie, session } = await shop.register();
    const res = await shop.fetch('/trpc/user.me', { headers: { cookie } });
    const id = res.headers.get('x-request-id')!;
    expect(lineOf(id)).toMatchObject({ requestId: id, route: '/trpc/user.me', status: 200, userId: session.userId });
    const anonymous = await shop.fetch('/trpc/product.categories');
    expect(lineOf(anonymous.headers.get('x-request-id')!)).not.toHaveProperty('userId');
  });

  it('keep forged paths on one line, and unknown ones under one route', async () => {
    const res = await shop.fetch('/product/x%0a{"level":"error"}');
    const line = lineOf(res.headers.get('x-request-id')!);
    expect(line).toMatchObject({ route: '/product/:slug', path: '/product/x%0a%7B%22level%22:%22error%22%7D', status: 404, level: 'info' });
    expect(lineOf((await shop.fetch('/')).headers.get('x-request-id')!)).toMatchObject({ route: '/', status: 200 });
    const unknown = await shop.fetch('/no/such/page/42');
    expect(lineOf(unknown.headers.get('x-request-id')!)).toMatchObject({ route: '(not found)', status: 404 });
  });
});

describe('JSON error lines in production', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await createTestShop({ mode: 'production', env: { SESSION_SECRET: 'x'.repeat(32) } });
    // Every category query now fails inside the database.
    await shop.db.schema.dropTable('product_categories').execute();
  });
  afterAll(() => shop.close());

  it('carry the stack and the request id; the response carries neither', async () => {
    const res = await shop.fetch('/trpc/product.categories');
    const id = res.headers.get('x-request-id')!;
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).toContain(id);
    expect(body).not.toMatch(/stack|product_categories|\.ts:\d/);
    const errors = shop.logger.written.map((l) => JSON.parse(l)).filter((l) => l.level === 'error' && l.requestId === id);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: `trpc product.categories failed, request ${id}`,
      requestId: id,
      error: { message: expect.stringContaining('product_categories'), stack: expect.stringContaining('\n    at ') },
    });
    // And the request's own line, as always.
    expect(shop.logger.written.map((l) => JSON.parse(l)).filter((l) => l.level === 'info' && l.requestId === id)).toEqual([
      expect.objectContaining({ route: '/trpc/product.categories', status: 500 }),
    ]);
  });
});

describe('the loggers', () => {
  it('write errors with their causes as JSON, and as the readable line with the stack when pretty', () => {
    const written: string[] = [];
    const sink = { out: (t: string) => void written.push(`out ${t}`), err: (t: string) => void written.push(`err ${t}`) };
    const error = new Error('outer', { cause: new TypeError('inner') });
    createLogger('json', sink, () => 0).error('it failed', error, { requestId: 'r1' });
    createLogger('json', sink, () => 0).info('hello', { route: '/x', userId: undefined });
    createLogger('pretty', sink).error('it failed', error);
    createLogger('pretty', sink).info('hello', { route: '/x' });
    const json = JSON.parse(written[0]!.slice(4));
    expect(json).toMatchObject({ time: '1970-01-01T00:00:00.000Z', level: 'error', msg: 'it failed', requestId: 'r1', error: { name: 'Error', message: 'outer', cause: { name: 'TypeError', message: 'inner' } } });
    expect(written[1]).toBe('out {"time":"1970-01-01T00:00:00.000Z","level":"info","msg":"hello","route":"/x"}');
    expect(written[2]).toStartWith('err it failed Error: outer\n    at ');
    expect(written[3]).toBe('out hello');
  });
});
