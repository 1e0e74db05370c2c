// The shopper simulator against a real shop server for a few seconds: it browses,
// buys (paid, declined, paid again, cancelled), checks every order and the stock,
// and exits 0; a shop answering 5xx makes it fail.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startShopServer, type ShopServer } from '../testing/browser.ts';
import { simulate } from './simulate.ts';

let shop: ShopServer;
beforeAll(async () => {
  shop = await startShopServer();
}, 60_000);
afterAll(() => shop?.stop());

describe('npm run simulate', () => {
  it('shops for a few seconds with no failure, and every order and product adds up', async () => {
    const cli = Bun.spawn(
      [process.execPath, 'server/simulate/cli.ts', '--shoppers', '8', '--minutes', '0.1', '--url', shop.url, '--think-ms', '15', '--seed', '7'],
      { stdout: 'pipe', stderr: 'pipe' },
    );
    const [out, err, code] = await Promise.all([new Response(cli.stdout).text(), new Response(cli.stderr).text(), cli.exited]);
    expect({ code, output: code === 0 ? '' : out + err }).toEqual({ code: 0, output: '' });
    expect(out).toContain('every order and every product adds up');
    const orders = Number(/orders (\d+): (\d+) paid/.exec(out)?.[1]);
    expect(orders).toBeGreaterThan(0);
    expect(out).toMatch(/5xx 0, no answer 0, unexpected 4xx 0/);
    // The orders are real: the shop has them.
    const { n } = await shop.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(orders);
  }, 60_000);

  it('fails when the shop answers 5xx', async () => {
    // A shop whose product pages (not its API) are broken, behind a proxy.
    const proxy = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: async (req) => {
        const url = new URL(req.url);
        if (url.pathname.startsWith('/product/')) return new Response('boom', { status: 500 });
        const res = await fetch(shop.url + url.pathname + url.search, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual' });
        // fetch() has decompressed the body already: passed on as it is now, without the gzip header.
        const headers = new Headers(res.headers);
        headers.delete('content-encoding');
        headers.delete('content-length');
        return new Response(res.body, { status: res.status, headers });
      },
    });
    try {
      const summary = await simulate({ url: `http://127.0.0.1:${proxy.port}`, shoppers: 4, durationMs: 1500, thinkMs: 5, seed: 1 });
      expect(summary.ok).toBe(false);
      expect(summary.counts.serverErrors).toBeGreaterThan(0);
      expect(summary.failures.join('\n')).toContain('500');
    } finally {
      proxy.stop(true);
    }
  }, 30_000);
});
