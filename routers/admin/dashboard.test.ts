// The admin dashboard (/admin, admin.dashboard.get): its figures match the orders,
// carts, stock and jobs a test creates; it lists the server's recent errors by
// request id; it stays on indexes on a 100k-product catalog.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { sql } from 'kysely';
import { createTestShop, ADMIN, CUSTOMER, type TestShop } from '../../server/testing/test-shop.ts';
import { awaitingPaymentQuery, dashboard, lowStockQuery, ordersSinceQuery, periodStarts } from './dashboard.ts';

const GOOD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvv: '123' };
const DECLINED = { ...GOOD, number: '4000 0000 0000 0002' };
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };
const DAY = 86_400_000;

describe('period starts', () => {
  it('are UTC midnight today and the Monday of this week', () => {
    // 2026-11-25 is a Wednesday.
    expect(periodStarts(Date.parse('2026-11-25T12:34:56Z'))).toEqual({ today: Date.parse('2026-11-25T00:00:00Z'), week: Date.parse('2026-11-23T00:00:00Z') });
    expect(periodStarts(Date.parse('2026-11-23T00:00:00Z'))).toEqual({ today: Date.parse('2026-11-23T00:00:00Z'), week: Date.parse('2026-11-23T00:00:00Z') });
    expect(periodStarts(Date.parse('2026-11-29T23:59:59Z'))).toEqual({ today: Date.parse('2026-11-29T00:00:00Z'), week: Date.parse('2026-11-23T00:00:00Z') });
  });
});

describe('admin.dashboard.get', () => {
  let shop: TestShop;
  let productId: number;
  const totals: Record<string, number> = {};
  let awaitingId: number;
  let errorRequestId: string;

  beforeAll(async () => {
    // The test clock starts on Wednesday 2026-11-25, 12:00 UTC.
    shop = await createTestShop();
    const now = shop.clock.now();
    ({ id: productId } = await shop.db
      .insertInto('products')
      .values({ slug: 'dashboard-item', name: 'Dashboard Item', description: '', priceCents: 2000, stock: 100, imageUrl: '/img/x.svg', createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow());
    const order = async (card?: typeof GOOD) => {
      const { session, email } = await shop.register();
      const api = shop.caller(session);
      await api.cart.add({ productId, quantity: 1 });
      const placed = await api.checkout.placeOrder({ idempotencyKey: crypto.randomUUID(), email, shippingAddress: ADDRESS, ...(card && { card }) });
      return { api, ...placed };
    };
    // Wednesday: one paid, one declined (and left to expire).
    totals.wedPaid = (await order(GOOD)).totalCents;
    await order(DECLINED);
    // Thursday: one paid, one waiting for payment, one cancelled by its shopper, and a cart left open.
    shop.clock.advance(DAY);
    await shop.jobs.runDue();
    totals.thuPaid = (await order(GOOD)).totalCents;
    awaitingId = (await order()).orderId;
    const cancelled = await order();
    await cancelled.api.order.cancel({ orderId: cancelled.orderId });
    const browser = await shop.register();
    await shop.caller(browser.session).cart.add({ productId, quantity: 2 });

    // Stock: one product low, one sold out, one low but archived (not listed).
    await shop.db.updateTable('products').set({ stock: 3 }).where('slug', '=', 'dashboard-item').execute();
    // A job that fails every attempt (the test runner gives up after five).
    await shop.scheduler.schedule('email.send', { not: 'an email' }, {});
    for (let i = 0; i < 5; i++) {
      await shop.jobs.runDue();
      shop.clock.advance(60_000);
    }
    // A request that fails inside the database: the recent errors list it by its request id.
    await sql`ALTER TABLE product_categories RENAME TO product_categories_away`.execute(shop.db);
    const failed = await shop.fetch('/trpc/product.categories');
    await sql`ALTER TABLE product_categories_away RENAME TO product_categories`.execute(shop.db);
    expect(failed.status).toBe(500);
    errorRequestId = failed.headers.get('x-request-id')!;
  });
  afterAll(() => shop.close());

  it('counts today’s and this week’s orders, revenue and conversion from the orders placed', async () => {
    const d = await shop.caller(ADMIN).admin.dashboard.get();
    // Thursday: 3 orders (1 paid), the open cart → 3 of 4 carts became orders.
    expect(d.today).toEqual({ since: Date.parse('2026-11-26T00:00:00Z'), orders: 3, paidOrders: 1, revenueCents: totals.thuPaid!, openCarts: 1, conversion: 0.75 });
    // The week (from Monday): 5 orders, 2 paid, 5 of 6 carts.
    expect(d.week).toEqual({ since: Date.parse('2026-11-23T00:00:00Z'), orders: 5, paidOrders: 2, revenueCents: totals.wedPaid! + totals.thuPaid!, openCarts: 1, conversion: 5 / 6 });
  });

  it('lists the order waiting for payment with its deadline', async () => {
    const d = await shop.caller(ADMIN).admin.dashboard.get();
    const order = await shop.db.selectFrom('orders').select(['expiresAt', 'totalCents']).where('id', '=', awaitingId).executeTakeFirstOrThrow();
    expect(d.awaitingPayment).toEqual({ total: 1, items: [expect.objectContaining({ id: awaitingId, expiresAt: order.expiresAt, totalCents: order.totalCents })] });
  });

  it('lists low-stock products fewest first, and how many there are', async () => {
    const d = await shop.caller(ADMIN).admin.dashboard.get();
    const expected = await shop.db.selectFrom('products').select(['id', 'stock']).where('active', '=', 1).where('stock', '<=', shop.config.lowStockThreshold).orderBy('stock').orderBy('id').execute();
    expect(d.lowStock.threshold).toBe(shop.config.lowStockThreshold);
    expect(d.lowStock.total).toBe(expected.length);
    expect(d.lowStock.items.map((p) => [p.id, p.stock])).toEqual(expected.slice(0, 10).map((p) => [p.id, p.stock]));
  });

  it('lists the failed job, and the recent errors with their request ids, newest first', async () => {
    const d = await shop.caller(ADMIN).admin.dashboard.get();
    expect(d.failedJobs.total).toBe(1);
    expect(d.failedJobs.items[0]).toMatchObject({ name: 'email.send', status: 'failed', attempts: 5 });
    expect(d.recentErrors![0]).toEqual({ at: expect.any(Number), requestId: errorRequestId, message: expect.stringContaining('no such table: product_categories') });
    expect(d.recentErrors!.filter((e) => e.message.startsWith('job email.send')).length).toBe(5);
    expect(d.recentErrors![0]!.message).not.toContain('\n    at ');
  });

  it('is for admins only', async () => {
    await expect(shop.caller(CUSTOMER).admin.dashboard.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.caller(null).admin.dashboard.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('is the page at /admin: figures, the unpaid order, a Retry button for the failed job, the error’s request id', async () => {
    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const res = await shop.fetch('/admin', { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1[^>]*>Dashboard<\/h1>/);
    expect(html).toMatch(/class="dashboard-orders[^"]*">3</);
    expect(html).toContain(`href="/admin/orders/${awaitingId}"`);
    const job = await shop.db.selectFrom('jobs').select('id').where('status', '=', 'failed').executeTakeFirstOrThrow();
    expect(html).toMatch(new RegExp(`action="/admin/jobs/retry"[^]*?name="id" value="${job.id}"`));
    expect(html).toContain(errorRequestId);
    expect(/<a href="\/admin" aria-current="page"[^>]*>Dashboard<\/a>/.test(html)).toBe(true);
    // The Retry button posts the existing job form, and lands on the jobs page.
    const body = new URLSearchParams({ id: String(job.id), status: 'failed' });
    const retry = await shop.fetch('/admin/jobs/retry', {
      method: 'POST',
      headers: { cookie: admin.cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    expect(retry.status).toBe(303);
    expect(retry.headers.get('location')).toBe('/admin/jobs?status=failed&saved=retried');
    expect((await shop.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('pending');
  });

  it('answers others as the other admin pages do: sign in first, admins only', async () => {
    const signedOut = await shop.fetch('/admin', { redirect: 'manual' });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/sign-in?next=%2Fadmin');
    const customer = await shop.register();
    const res = await shop.fetch('/admin', { headers: { cookie: customer.cookie } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Admins only');
    // The other console pages are where they were.
    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    for (const path of ['/admin/products', '/admin/orders', '/admin/jobs']) {
      expect({ path, status: (await shop.fetch(path, { headers: { cookie: admin.cookie } })).status }).toEqual({ path, status: 200 });
    }
  });
});

describe('the dashboard on a 100k-product catalog', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await createTestShop();
    const now = shop.clock.now();
    await sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      INSERT INTO products (slug, name, description, "priceCents", currency, stock, "imageUrl", active, featured, "createdAt", "updatedAt")
      SELECT 'bulk-' || i, 'Bulk product ' || i, '', 100 + i % 5000, 'USD', i % 500, '/img/x.svg', (i % 10) != 0, 0, ${now}, ${now} FROM n`.execute(shop.db);
  }, 60_000);
  afterAll(() => shop.close());

  const sqlLiteral = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
  /** SQLite's plan for a query (parameters written in), one step per line. */
  const explain = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const { sql: text, parameters } = query.compile();
    const params = [...parameters];
    const bound = text.replace(/\?/g, () => sqlLiteral(params.shift()));
    return (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(bound)}`.execute(shop.db)).rows.map((r) => r.detail).join('\n');
  };

  it('reads low stock, orders and unpaid orders through indexes, never scanning products or orders', async () => {
    const threshold = shop.config.lowStockThreshold;
    const lowList = await explain(lowStockQuery(shop.db, threshold).select(['id', 'name', 'slug', 'stock']).orderBy('stock').orderBy('id').limit(10));
    const lowCount = await explain(lowStockQuery(shop.db, threshold).select((eb) => eb.fn.countAll<number>().as('n')));
    const orders = await explain(ordersSinceQuery(shop.db, 0));
    const awaiting = await explain(awaitingPaymentQuery(shop.db).select(['id', 'expiresAt']).orderBy('expiresAt').orderBy('id').limit(10));
    expect(lowList).toContain('USING INDEX products_active_stock');
    expect(lowList).not.toContain('TEMP B-TREE');
    expect(lowCount).toContain('USING COVERING INDEX products_active_stock');
    expect(orders).toContain('USING COVERING INDEX orders_created');
    expect(awaiting).toMatch(/USING (COVERING )?INDEX orders_status/);
    for (const p of [lowList, lowCount, orders, awaiting]) expect(p).not.toMatch(/SCAN (products|orders)\b/);
  });

  it('answers in well under a second', async () => {
    await dashboard(shop.context(ADMIN)); // warm the statement cache
    const started = performance.now();
    const d = await dashboard(shop.context(ADMIN));
    expect(performance.now() - started).toBeLessThan(500);
    // i % 500 <= 5 for active products (i % 10 != 0): stocks 1, 2, 3, 4, 5 → 200 each, plus the seeded catalog's.
    expect(d.lowStock.total).toBeGreaterThanOrEqual(1000);
    expect(d.lowStock.items[0]!.stock).toBeLessThanOrEqual(1);
  });
});
