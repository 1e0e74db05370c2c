// The single-node shop keeps everything in its database file: a restart loses no
// account, session or cart, and does not seed the catalog twice.
import { afterAll, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSecret, readConfig } from '../../routers/config.ts';
import { recordingLogger } from '../testing/logger.ts';
import { boot } from './boot.ts';

const dir = mkdtempSync(join(tmpdir(), 'gomall-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PORT: '0', DATABASE_URL: `file:${join(dir, 'shop.db')}`, SESSION_SECRET: randomSecret() };

it('keeps accounts, sessions and carts across a restart, and seeds only once', async () => {
  const first = await boot({ config: readConfig(env, 'test'), logger: recordingLogger() });
  const post = (url: string, path: string, body: unknown, cookie = '') =>
    fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  const password = 'correct horse battery';
  const registered = await post(first.url, 'user.register', { email: 'restart@example.com', password, confirmPassword: password });
  expect(registered.status).toBe(200);
  const cookie = registered.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  expect((await post(first.url, 'cart.add', { productId: 1, quantity: 2 }, cookie)).status).toBe(200);
  const products = (await first.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  await first.stop();

  const logger = recordingLogger();
  const second = await boot({ config: readConfig(env, 'test'), logger });
  try {
    expect(logger.lines.some((line) => line.startsWith('seeded'))).toBe(false);
    const count = await second.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(products);
    const me = await (await fetch(`${second.url}/trpc/user.me`, { headers: { cookie } })).json();
    expect((me as any).result.data.email).toBe('restart@example.com');
    const cart = await (await fetch(`${second.url}/trpc/cart.get`, { headers: { cookie } })).json();
    expect((cart as any).result.data.items.map((i: any) => [i.productId, i.quantity])).toEqual([[1, 2]]);
  } finally {
    await second.stop();
  }
});
