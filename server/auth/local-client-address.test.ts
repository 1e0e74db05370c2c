// On the single-node server the sign-in limit per client counts the socket's
// address: headers a client sets itself (CF-Connecting-IP, X-Forwarded-For) do not
// give it a fresh counter.
import { afterAll, beforeAll, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_ATTEMPT_LIMIT } from '../../routers/user/rate-limit.ts';
import { randomSecret, readConfig } from '../../routers/config.ts';
import { boot } from '../local/boot.ts';
import { recordingLogger } from '../testing/logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'gomall-client-address-'));
let shop: Awaited<ReturnType<typeof boot>>;
beforeAll(async () => {
  const env = { PORT: '0', DATABASE_URL: `file:${join(dir, 'shop.db')}`, SESSION_SECRET: randomSecret() };
  shop = await boot({ config: readConfig(env, 'test'), logger: recordingLogger() });
});
afterAll(async () => {
  await shop.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('ignores spoofed client-address headers: one socket shares one counter', async () => {
  const login = (email: string, spoofed: Record<string, string>) =>
    fetch(`${shop.url}/trpc/user.login`, {
      method: 'POST',
      headers: { origin: shop.url, 'content-type': 'application/json', ...spoofed },
      body: JSON.stringify({ email, password: 'wrong password' }),
    });
  // A different email each time, so only the per-client counter can fill up.
  for (let i = 0; i < CLIENT_ATTEMPT_LIMIT; i++) {
    const address = `203.0.113.${i}`;
    const header = i % 2 ? 'cf-connecting-ip' : 'x-forwarded-for';
    expect((await login(`guess${i}@example.com`, { [header]: address })).status).toBe(401);
  }
  const next = await login('fresh@example.com', { 'cf-connecting-ip': '198.51.100.1', 'x-forwarded-for': '198.51.100.1' });
  expect(next.status).toBe(429);
  expect(((await next.json()) as any).error.message).toMatch(/^Too many sign-in attempts\. Please wait 15 minutes/);
});
