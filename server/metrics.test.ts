// GET /metrics: refused without the token, and after a scripted set of requests
// (pages, tRPC calls, a checkout with a declined then a good card, a cancellation,
// an expiry, a job that keeps failing) it shows exactly those counts.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../routers/config.ts';
import { boot } from './local/boot.ts';
import { createTestShop, ADMIN, type TestShop } from './testing/test-shop.ts';
import { recordingLogger } from './testing/logger.ts';
import { shopper } from './testing/shopper.ts';

const TOKEN = 'metrics-token-0123456789';
const GOOD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvv: '123' };
const DECLINED = { ...GOOD, number: '4000 0000 0000 0002' };
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };

/** The samples of an exposition: `name{labels}` → value (labels as written, in prom-client's order). */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    map.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return map;
}

describe('GET /metrics', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await createTestShop({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => shop.close());

  const scrape = async () => {
    const res = await shop.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toStartWith('text/plain; version=0.0.4');
    return samples(await res.text());
  };

  it('is refused without the bearer token, or with another one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TOKEN, `Basic ${btoa(`x:${TOKEN}`)}`, `Bearer ${TOKEN}x`]) {
      const res = await shop.fetch('/metrics', { headers: authorization ? { authorization } : {} });
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain('gomall_');
    }
  });

  it('shows exactly the requests, calls, orders, payments, cart adds and jobs of a scripted session', async () => {
    const http = shopper('http://localhost', async (url, init) => shop.app.fetch(new Request(url, init)));
    const { slug, id: productId } = await shop.db.selectFrom('products').select(['slug', 'id']).where('stock', '>=', 10).orderBy('id').executeTakeFirstOrThrow();

    for (let i = 0; i < 3; i++) expect((await http.get(`/product/${slug}`)).status).toBe(200);
    expect((await http.get('/product/no-such-product')).status).toBe(404);
    expect((await http.get('/no/such/page')).status).toBe(404);
    expect((await shop.fetch('/nothing-here', { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(404);
    await http.query('product.categories');
    await http.query('product.categories');

    const email = 'metrics@example.com';
    await http.mutate('user.register', { email, password: 'correct horse battery', confirmPassword: 'correct horse battery', name: 'Ada' });
    const tooMany = await http.mutate('cart.add', { productId, quantity: 100_000 }).catch((error) => error);
    expect(tooMany.data.code).toBe('BAD_REQUEST');
    const placeOrder = async (card?: typeof GOOD) => {
      await http.mutate('cart.add', { productId, quantity: 1 });
      return http.mutate('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email, shippingAddress: ADDRESS, ...(card && { card }) });
    };
    // Declined, then paid; placed and cancelled by the shopper; placed and left to expire.
    const declined = await placeOrder(DECLINED);
    expect(declined.payment.status).toBe('declined');
    expect((await http.mutate('payment.pay', { orderId: declined.orderId, card: GOOD, idempotencyKey: crypto.randomUUID() })).status).toBe('succeeded');
    const cancelled = await placeOrder();
    await http.mutate('order.cancel', { orderId: cancelled.orderId });
    await placeOrder();
    shop.clock.advance(shop.config.orderPaymentTimeoutSeconds * 1000 + 1);
    await shop.jobs.runDue();

    // A job that fails every time: four retries with backoff, then given up; an admin retries it once.
    await shop.scheduler.schedule('email.send', { not: 'an email' }, {});
    for (let attempt = 0; attempt < 5; attempt++) {
      await shop.jobs.runDue();
      shop.clock.advance(3_600_000);
    }
    const failed = await shop.db.selectFrom('jobs').select('id').where('status', '=', 'failed').executeTakeFirstOrThrow();
    await shop.caller(ADMIN).admin.job.retry({ id: failed.id });

    const m = await scrape();
    const queued = await shop.db.selectFrom('jobs').select(['name', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('name').execute();
    const done = await shop.db.selectFrom('jobs').select(['name', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'done').groupBy('name').execute();
    const emails = queued.find((j) => j.name === 'email.send')!.n;
    const emailsDone = done.find((j) => j.name === 'email.send')!.n;
    // welcome, payment failed, order confirmed, cancelled by the shopper, cancelled for the timeout
    expect(emailsDone).toBe(5);

    expect({
      productPages: m.get('gomall_http_requests_total{method="GET",route="/product/:slug",status="200"}'),
      unknownProduct: m.get('gomall_http_requests_total{method="GET",route="/product/:slug",status="404"}'),
      unknownPage: m.get('gomall_http_requests_total{method="GET",route="(not found)",status="404"}'),
      unrouted: m.get('gomall_http_requests_total{method="DELETE",route="(unmatched)",status="404"}'),
      categoriesOverHttp: m.get('gomall_http_requests_total{method="GET",route="/trpc/product.categories",status="200"}'),
      placeOrderOverHttp: m.get('gomall_http_requests_total{method="POST",route="/trpc/checkout.placeOrder",status="200"}'),
      productPageLatencyCount: m.get('gomall_http_request_duration_seconds_count{method="GET",route="/product/:slug"}'),
      placeOrderCalls: m.get('gomall_trpc_calls_total{procedure="checkout.placeOrder",code="OK"}'),
      cartAddRefused: m.get('gomall_trpc_calls_total{procedure="cart.add",code="BAD_REQUEST"}'),
      cartAddOk: m.get('gomall_trpc_calls_total{procedure="cart.add",code="OK"}'),
      placed: m.get('gomall_orders_placed_total'),
      paid: m.get('gomall_orders_paid_total'),
      cancelledByShopper: m.get('gomall_orders_cancelled_total{reason="shopper"}'),
      expired: m.get('gomall_orders_cancelled_total{reason="timeout"}'),
      paymentsDeclined: m.get('gomall_payments_total{outcome="card_declined"}'),
      paymentsSucceeded: m.get('gomall_payments_total{outcome="succeeded"}'),
      cartAdds: m.get('gomall_cart_adds_total'),
      expiriesQueued: m.get('gomall_jobs_queued_total{job="order.expire"}'),
      emailsQueued: m.get('gomall_jobs_queued_total{job="email.send"}'),
      expiriesRun: m.get('gomall_jobs_run_total{job="order.expire",outcome="succeeded"}'),
      emailsSent: m.get('gomall_jobs_run_total{job="email.send",outcome="succeeded"}'),
      emailRunsFailed: m.get('gomall_jobs_run_total{job="email.send",outcome="failed"}'),
      emailsRetried: m.get('gomall_jobs_retried_total{job="email.send"}'),
      emailsGivenUp: m.get('gomall_jobs_given_up_total{job="email.send"}'),
    }).toEqual({
      productPages: 3,
      unknownProduct: 1,
      unknownPage: 1,
      unrouted: 1,
      categoriesOverHttp: 2,
      placeOrderOverHttp: 3,
      // 200s and the 404 alike: latency is kept per route, not per status
      productPageLatencyCount: 4,
      placeOrderCalls: 3,
      cartAddRefused: 1,
      cartAddOk: 3,
      placed: 3,
      paid: 1,
      cancelledByShopper: 1,
      expired: 1,
      paymentsDeclined: 1,
      paymentsSucceeded: 1,
      cartAdds: 3,
      expiriesQueued: 3,
      emailsQueued: emails,
      expiriesRun: 1,
      emailsSent: 5,
      emailRunsFailed: 5,
      // four with backoff, one by the admin
      emailsRetried: 5,
      emailsGivenUp: 1,
    });
    // One queued expiry per order (placed three times): the paid and the cancelled ones were then cancelled.
    expect(queued.find((j) => j.name === 'order.expire')!.n).toBe(3);
    expect(m.get('gomall_db_query_duration_seconds_count{statement="select"}')).toBeGreaterThan(10);
    expect(m.get('gomall_db_query_duration_seconds_count{statement="insert"}')).toBeGreaterThan(3);
  });

  it('counts the scrapes themselves on the next one', async () => {
    const before = (await scrape()).get('gomall_http_requests_total{method="GET",route="/metrics",status="200"}') ?? 0;
    expect((await scrape()).get('gomall_http_requests_total{method="GET",route="/metrics",status="200"}')).toBe(before + 1);
  });
});

describe('metrics switched off', () => {
  it('answers 404 to /metrics when METRICS_TOKEN is unset, and measures nothing', async () => {
    const shop = await createTestShop();
    try {
      const res = await shop.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
      expect(shop.metrics).toBeUndefined();
    } finally {
      await shop.close();
    }
  });

  it('refuses a METRICS_TOKEN too short to protect anything', () => {
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics without a token on 127.0.0.1, apart from the shop, whose /metrics stays 404 without METRICS_TOKEN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomall-metrics-'));
    const config = readConfig({ PORT: '0', METRICS_PORT: '0', DATABASE_URL: `file:${join(dir, 'shop.db')}` }, 'test');
    const shop = await boot({ config, logger: recordingLogger() });
    try {
      expect(shop.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      await fetch(`${shop.url}/healthz`);
      const res = await fetch(shop.metricsUrl!);
      expect(res.status).toBe(200);
      expect(samples(await res.text()).get('gomall_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
      expect((await fetch(shop.metricsUrl!.replace('/metrics', '/healthz'))).status).toBe(404);
      expect((await fetch(`${shop.url}/metrics`)).status).toBe(404);
    } finally {
      await shop.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a shop without metrics or tracing', () => {
  // Tens of megabytes of memory (issue 13): checked in a process of its own, as this one loads them for the tests above.
  it('loads neither prom-client nor OpenTelemetry, and loads prom-client once metrics are on', async () => {
    const loaded = async (env: Record<string, string>) => {
      const script = `
        const { readConfig } = await import('./routers/config.ts');
        const { observability } = await import('./server/observability.ts');
        const { recordingLogger } = await import('./server/testing/logger.ts');
        await observability(readConfig(${JSON.stringify({ DATABASE_URL: 'file:unused.db', ...env })}, 'test'), recordingLogger('text'));
        console.log(JSON.stringify(Object.keys(require.cache).filter((p) => /node_modules\\/(prom-client|@opentelemetry)\\//.test(p)).map((p) => p.match(/node_modules\\/((@[^/]+\\/)?[^/]+)/)[1])));
      `;
      const proc = Bun.spawn([process.execPath, '-e', script], { stdout: 'pipe', stderr: 'pipe' });
      const [out, err] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
      expect(await proc.exited).toBe(0);
      expect(err).toBe('');
      return [...new Set(JSON.parse(out) as string[])];
    };
    expect(await loaded({})).toEqual([]);
    expect(await loaded({ METRICS_TOKEN: TOKEN })).toContain('prom-client');
  });
});
