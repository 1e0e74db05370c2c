// admin.dashboard.get: what an operator checks first. Today's and this week's orders
// and revenue (UTC days, weeks from Monday), the carts → orders conversion, orders
// waiting for payment with their deadlines, low-stock products, failed jobs and the
// server's recent errors. Every query reads an index range (db/migrations
// 2026_12_03_170000_operations), never the whole catalog or order history.
import type { Db, RecentError } from '../ports.ts';
import type { Context } from '../context.ts';
import { listJobs, type JobEntry } from '../email/job-admin-router.ts';
import { adminProcedure, router } from '../trpc.ts';

/** Rows shown per list; each list also says how many there are in all. */
const LIST_SIZE = 10;
const DAY_MS = 86_400_000;
/** Orders that brought money in (refunded and cancelled ones did not). */
const REVENUE_STATUSES = ['paid', 'shipped', 'completed'] as const;

export interface PeriodFigures {
  /** Epoch ms the period starts at (UTC midnight; Monday for the week). */
  since: number;
  /** Orders placed in the period, whatever became of them. */
  orders: number;
  /** Of those, the ones paid (paid, shipped or completed) and their total. */
  paidOrders: number;
  revenueCents: number;
  /**
   * Orders ÷ (orders + carts still open with a change in the period), 0 to 1: the carts
   * that became orders. Null where the cart store cannot count its carts.
   */
  conversion: number | null;
  openCarts: number | null;
}

export interface Dashboard {
  now: number;
  currency: string;
  today: PeriodFigures;
  week: PeriodFigures;
  awaitingPayment: { total: number; items: { id: number; email: string; totalCents: number; currency: string; createdAt: number; expiresAt: number }[] };
  lowStock: { threshold: number; total: number; items: { id: number; name: string; slug: string; stock: number }[] };
  failedJobs: { total: number; items: JobEntry[] };
  /** Null where the server keeps none (the list itself may be empty). */
  recentErrors: RecentError[] | null;
}

export function periodStarts(now: number): { today: number; week: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  // getUTCDay: 0 is Sunday; weeks start on Monday.
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return { today, week: today - sinceMonday * DAY_MS };
}

/** Active products at or below the threshold (sold out included), fewest first. */
export function lowStockQuery(db: Db, threshold: number) {
  return db.selectFrom('products').where('active', '=', 1).where('stock', '<=', threshold);
}

/** Orders placed since `since`: count, paid count and revenue (the covering index orders_created). */
export function ordersSinceQuery(db: Db, since: number) {
  return db
    .selectFrom('orders')
    .where('createdAt', '>=', since)
    .select((eb) => [
      eb.fn.countAll<number>().as('orders'),
      eb.fn.sum<number | null>(eb.case().when('status', 'in', REVENUE_STATUSES).then(1).else(0).end()).as('paidOrders'),
      eb.fn.sum<number | null>(eb.case().when('status', 'in', REVENUE_STATUSES).then(eb.ref('totalCents')).else(0).end()).as('revenueCents'),
    ]);
}

/** Orders waiting for payment, the nearest deadline first (the index orders_status). */
export function awaitingPaymentQuery(db: Db) {
  return db.selectFrom('orders').where('status', '=', 'pending_payment');
}

async function period(ctx: Pick<Context, 'db' | 'carts'>, since: number): Promise<PeriodFigures> {
  const [row, openCarts] = await Promise.all([ordersSinceQuery(ctx.db, since).executeTakeFirstOrThrow(), ctx.carts.countOpen?.(since) ?? null]);
  const orders = Number(row.orders);
  const carts = openCarts === null ? null : orders + openCarts;
  return {
    since,
    orders,
    paidOrders: Number(row.paidOrders ?? 0),
    revenueCents: Number(row.revenueCents ?? 0),
    openCarts,
    conversion: carts === null ? null : carts === 0 ? 0 : orders / carts,
  };
}

export async function dashboard(ctx: Pick<Context, 'db' | 'carts' | 'clock' | 'config' | 'recentErrors'>): Promise<Dashboard> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const starts = periodStarts(now);
  const threshold = ctx.config.lowStockThreshold;
  const [today, week, awaitingItems, awaitingTotal, lowItems, lowTotal, jobs] = await Promise.all([
    period(ctx, starts.today),
    period(ctx, starts.week),
    awaitingPaymentQuery(db).select(['id', 'email', 'totalCents', 'currency', 'createdAt', 'expiresAt']).orderBy('expiresAt').orderBy('id').limit(LIST_SIZE).execute(),
    awaitingPaymentQuery(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    lowStockQuery(db, threshold).select(['id', 'name', 'slug', 'stock']).orderBy('stock').orderBy('id').limit(LIST_SIZE).execute(),
    lowStockQuery(db, threshold).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    listJobs(db, { status: 'failed', page: 1 }),
  ]);
  return {
    now,
    currency: 'USD',
    today,
    week,
    awaitingPayment: { total: Number(awaitingTotal.n), items: awaitingItems },
    lowStock: { threshold, total: Number(lowTotal.n), items: lowItems },
    failedJobs: { total: jobs.total, items: jobs.items.slice(0, LIST_SIZE) },
    recentErrors: ctx.recentErrors ? ctx.recentErrors.list().slice(0, 20) : null,
  };
}

export const adminDashboardRouter = router({
  get: adminProcedure.query(({ ctx }) => dashboard(ctx)),
});
