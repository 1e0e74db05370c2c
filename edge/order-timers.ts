// OrderTimers (server/scheduler-for.ts) over OrderTimer Durable Objects: one object
// per order, reached by the order's timer key. Each attempt gets a fresh stub (a stub
// that threw may be broken); both calls are safe to repeat.
import { retry } from '../db/retry.ts';
import { expiryJobKey } from '../routers/order/cancel.ts';
import type { OrderTimers } from '../server/scheduler-for.ts';
import type { OrderTimerNamespace, OrderTimerStub } from './env.ts';

export function durableOrderTimers(namespace: OrderTimerNamespace): OrderTimers {
  const call = <T>(orderId: number, op: (timer: OrderTimerStub) => Promise<T>): Promise<T> =>
    retry(() => op(namespace.getByName(expiryJobKey(orderId))), { retryable, attempts: 3, baseDelayMs: 20, maxDelayMs: 200 });
  return {
    schedule: async (orderId, deadline) => void (await call(orderId, (timer) => timer.schedule(deadline, orderId))),
    cancel: (orderId) => call(orderId, (timer) => timer.cancel()),
  };
}

function retryable(error: unknown): boolean {
  const e = error as { retryable?: boolean; overloaded?: boolean } | null;
  return e?.retryable === true && e.overloaded !== true;
}
