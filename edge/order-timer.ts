// One order's payment deadline as a Durable Object (one object per order, named by
// the order's timer key): `schedule` sets the object's alarm, `cancel` deletes it,
// `deadline` reads it, and `alarm()` runs the order.expire job, the same handler as
// every other runtime (routers/jobs.ts), against the shop's libSQL database.
//
// Alarms are delivered at least once: a throwing alarm() is retried by the runtime
// (2 s, then doubling, six times). order.expire is idempotent (the order is
// cancelled, restocked and its email queued once; a paid order is left alone), so
// a retry after a partial run finishes the job without doing anything twice. When
// the runtime's retries are spent, the timer sets its own alarm a while later
// instead of giving up: an unpaid order is never left holding its stock.
import type { AlarmInvocationInfo, DurableObjectState } from '@cloudflare/workers-types';
import { DurableObject } from 'cloudflare:workers';
import { jobHandlers } from '../routers/jobs.ts';
import type { Env } from './env.ts';
import { edgeDeps } from './shop.ts';

/** The runtime's last retry of a failing alarm (retries 1 to 6, counted from 0 on the first run). */
const LAST_RUNTIME_RETRY = 6;
/** After the runtime's retries: the pause before the timer tries again by itself. */
export const RESCHEDULE_AFTER_MS = 10 * 60_000;

type State = 'scheduled' | 'cancelled' | 'done';

export interface TimerRow {
  orderId: number;
  deadline: number;
  state: State;
  /** Runs of the alarm so far, failed ones included. */
  runs: number;
}

export class OrderTimer extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS timer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        orderId INTEGER NOT NULL,
        deadline INTEGER NOT NULL,
        state TEXT NOT NULL,
        runs INTEGER NOT NULL DEFAULT 0
      )
    `);
  }

  /**
   * Runs order.expire for `orderId` at `deadline` (epoch ms). Scheduling again keeps
   * the first timer (a replayed checkout), as every Scheduler does with a key.
   */
  async schedule(deadline: number, orderId: number): Promise<void> {
    if (!Number.isInteger(orderId) || !Number.isFinite(deadline)) throw new TypeError('schedule(deadline, orderId) needs a time and an order id');
    if (this.#timer()) return;
    this.ctx.storage.sql.exec("INSERT INTO timer (id, orderId, deadline, state) VALUES (1, ?, ?, 'scheduled')", orderId, deadline);
    await this.ctx.storage.setAlarm(deadline);
  }

  /** Stops the timer if it has not run; a no-op otherwise (and on a timer never scheduled). */
  async cancel(): Promise<void> {
    if (this.#timer()?.state !== 'scheduled') return;
    this.ctx.storage.sql.exec("UPDATE timer SET state = 'cancelled'");
    await this.ctx.storage.deleteAlarm();
  }

  /** When the alarm will go off (epoch ms), or null when none is set. */
  async deadline(): Promise<number | null> {
    return this.ctx.storage.getAlarm();
  }

  /** The timer as stored (for the admin and tests), or null when never scheduled. */
  state(): TimerRow | null {
    return this.#timer() ?? null;
  }

  override async alarm(info?: AlarmInvocationInfo): Promise<void> {
    const timer = this.#timer();
    if (timer?.state !== 'scheduled') return;
    this.ctx.storage.sql.exec('UPDATE timer SET runs = runs + 1');
    try {
      await jobHandlers['order.expire'](edgeDeps(this.env), { orderId: timer.orderId });
    } catch (error) {
      console.error(`OrderTimer: order.expire for order ${timer.orderId} failed (retry ${info?.retryCount ?? 0})`, error);
      // Thrown, the runtime retries with its backoff; after its last retry, our own alarm takes over.
      if ((info?.retryCount ?? 0) < LAST_RUNTIME_RETRY) throw error;
      await this.ctx.storage.setAlarm(Date.now() + RESCHEDULE_AFTER_MS);
      return;
    }
    this.ctx.storage.sql.exec("UPDATE timer SET state = 'done'");
  }

  #timer(): TimerRow | undefined {
    return this.ctx.storage.sql.exec<TimerRow & Record<string, SqlStorageValue>>('SELECT orderId, deadline, state, runs FROM timer').toArray()[0];
  }
}

type SqlStorageValue = ArrayBuffer | string | number | null;
