// The Scheduler named by SCHEDULER: `local` (the default) keeps jobs in the jobs
// table for the in-process runner (or the Worker's cron trigger); `qstash` hands
// them to QStash, which calls POST /jobs/:name back when they are due. Either way
// the runner keeps going over the jobs table, so jobs queued before a switch still run.
//
// A runtime with timers of its own for orders (the Worker: one OrderTimer Durable
// Object per order) passes them as `orderTimers`: then `order.expire` goes to those
// timers and every other job to the scheduler above (withOrderTimers).
import type { Db } from '../db/database.ts';
import type { Config } from '../routers/config.ts';
import { expiryJobKey } from '../routers/order/cancel.ts';
import type { Clock, Scheduler } from '../routers/ports.ts';
import { localScheduler } from './local/scheduler.ts';
import { qstashScheduler } from './qstash-scheduler.ts';

/** One payment timer per order, run elsewhere than the jobs (on Workers: OrderTimer Durable Objects). */
export interface OrderTimers {
  /** Runs `order.expire` for the order at `deadline` (epoch ms); an order's timer set before is kept. */
  schedule(orderId: number, deadline: number): Promise<void>;
  /** Stops the order's timer if it has not fired; a no-op otherwise. */
  cancel(orderId: number): Promise<void>;
}

export function schedulerFor(config: Config, db: Db, clock: Clock, orderTimers?: OrderTimers): Scheduler {
  const jobs = config.scheduler === 'qstash' ? qstashScheduler({ db, clock, config }) : localScheduler(db, clock);
  return orderTimers ? withOrderTimers(jobs, orderTimers, clock) : jobs;
}

/**
 * `jobs` with its `order.expire` jobs sent to `timers` instead. Cancelling an order's
 * timer cancels it in both, so a timer scheduled before a switch of runtime (in the
 * jobs table or QStash) stops too; a timer left running anyway finds the order paid
 * and does nothing (order.expire is idempotent).
 */
export function withOrderTimers(jobs: Scheduler, timers: OrderTimers, clock: Clock): Scheduler {
  return {
    async schedule(job, payload, options) {
      if (job !== 'order.expire') return jobs.schedule(job, payload, options);
      const orderId = (payload as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId !== 'number' || !Number.isInteger(orderId)) throw new TypeError('order.expire needs { orderId: integer }');
      if (options.key !== undefined && options.key !== expiryJobKey(orderId)) {
        throw new TypeError(`order.expire for order ${orderId} is keyed ${expiryJobKey(orderId)} (got ${options.key})`);
      }
      await timers.schedule(orderId, options.at ?? clock.now() + (options.delaySeconds ?? 0) * 1000);
    },
    async cancel(key) {
      const orderId = orderOfExpiryKey(key);
      if (orderId === undefined) return jobs.cancel(key);
      await Promise.all([timers.cancel(orderId), jobs.cancel(key)]);
    },
  };
}

/** The order whose payment timer `key` names (`order.expire:42` → 42), if it names one. */
function orderOfExpiryKey(key: string): number | undefined {
  const digits = /^\d{1,15}$/.exec(key.slice(key.lastIndexOf(':') + 1))?.[0];
  if (digits === undefined) return undefined;
  const orderId = Number(digits);
  return expiryJobKey(orderId) === key ? orderId : undefined;
}
