// The seams between domain code and a runtime. Adapters live in server/local
// (Bun, one process) and edge/ (Workers); routers only see these types.
import type { Db } from '../db/database.ts';

export type { Db };

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** One cart line as a CartStore keeps it: ids and quantities only, never prices. */
export interface CartLine {
  productId: number;
  quantity: number;
}

/** Bounds a write must respect; the store enforces them atomically. */
export interface CartLimits {
  /** Most units one line may hold (the lesser of stock and the per-line maximum). */
  maxQuantity: number;
  /** Most distinct lines one cart may hold. */
  maxLines: number;
}

export interface MergeLimits {
  /** Per product, the most units the merged line may hold; guest lines without an entry are dropped. */
  maxQuantity: ReadonlyMap<number, number>;
  maxLines: number;
}

/**
 * The line as a write left it (quantity 0: removed), not the whole cart: the caller
 * read the cart already. A write that would add a line to a full cart is refused, and changes nothing.
 */
export type CartWrite = { ok: true; line: CartLine } | { ok: false; code: 'CART_FULL' };

/**
 * Carts keyed by an opaque cart id (`user:<id>` or `guest:<id>`). Lines come
 * back in the order they were first added. Local: a table; edge: a Durable Object.
 */
export interface CartStore {
  get(cartId: string): Promise<CartLine[]>;
  /** Adds to the line (creating it), capping the line at limits.maxQuantity. */
  add(cartId: string, productId: number, quantity: number, limits: CartLimits): Promise<CartWrite>;
  /** Sets the line's quantity (creating it), capped at limits.maxQuantity; 0 removes it. */
  setQuantity(cartId: string, productId: number, quantity: number, limits: CartLimits): Promise<CartWrite>;
  remove(cartId: string, productId: number): Promise<CartLine[]>;
  clear(cartId: string): Promise<void>;
  /**
   * Moves every line of `fromCartId` into `toCartId`, adding quantities of the same
   * product up to its cap (never lowering a line already in `toCartId`), then
   * empties `fromCartId`. Returns the lines of `toCartId`.
   */
  merge(fromCartId: string, toCartId: string, limits: MergeLimits): Promise<CartLine[]>;
  /**
   * How many carts still hold lines added or changed since `since` (epoch ms): the admin
   * dashboard's carts → orders conversion. Optional: a store that cannot count leaves it out.
   */
  countOpen?(since: number): Promise<number>;
}

/** The named background jobs; their handlers live with their domain (routers/jobs.ts lists them). */
export type JobName = 'order.expire' | 'email.send' | 'campaign.fanout';

export interface ScheduleOptions {
  /** When to run, epoch ms (or `delaySeconds` from now). */
  at?: number;
  delaySeconds?: number;
  /** Scheduling an existing key again keeps the one job; `cancel(key)` finds it. */
  key?: string;
  /**
   * The W3C traceparent of the work that scheduled the job (set by the server's tracing,
   * not by domain code): the job's own trace links to it. Adapters that cannot keep it ignore it.
   */
  trace?: string;
}

/**
 * Runs named jobs later, at least once: every handler is idempotent. Local: a
 * durable jobs table and an in-process runner; edge: QStash or a Durable Object alarm.
 */
export interface Scheduler {
  schedule(job: JobName, payload: unknown, options: ScheduleOptions): Promise<void>;
  /** Cancels the job with this key if it has not run; a no-op otherwise. */
  cancel(key: string): Promise<void>;
}

/** One email, with both parts: every message the shop sends has HTML and plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe on marketing mail. */
  headers?: Record<string, string>;
}

/** Delivers email. Local: stored in the mailbox table (or logged); production: an HTTP email API. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/**
 * What the shop counts for its operators (GET /metrics): orders placed, paid and
 * cancelled (label: why), payments (label: succeeded or the decline code), cart
 * adds, and jobs queued, run (succeeded, failed), retried and given up (label: the
 * job's name). Counted after the change is committed. Optional: absent, nothing is counted.
 */
export type MetricEvent =
  | 'order.placed'
  | 'order.paid'
  | 'order.cancelled'
  | 'payment'
  | 'cart.add'
  | 'job.queued'
  | 'job.succeeded'
  | 'job.failed'
  | 'job.retried'
  | 'job.given_up';

export interface Metrics {
  count(event: MetricEvent, label?: string): void;
  /** One tRPC procedure call and how it ended: 'OK' or its tRPC error code. */
  procedure(path: string, code: string): void;
}

/** One error the server logged, as the admin dashboard lists it (no stack). */
export interface RecentError {
  /** Epoch ms. */
  at: number;
  /** The request it happened in; absent for background work. */
  requestId?: string;
  message: string;
}

/** The last errors this server logged, newest first (kept in memory by server/). */
export interface RecentErrors {
  list(): RecentError[];
}

/** OpenTelemetry spans around domain work (server/tracing.ts); absent when tracing is off. */
export interface Tracing {
  /** Runs `work` in a child span of the current one, named `name`; the span records a throw. */
  span<T>(name: string, work: () => Promise<T>): Promise<T>;
}
