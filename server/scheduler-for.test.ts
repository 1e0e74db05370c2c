// withOrderTimers: order.expire to the runtime's order timers, everything else to the jobs scheduler.
import { describe, expect, it } from 'bun:test';
import type { Scheduler } from '../routers/ports.ts';
import { withOrderTimers, type OrderTimers } from './scheduler-for.ts';

function recorders() {
  const calls: unknown[][] = [];
  const jobs: Scheduler = {
    schedule: async (...args) => void calls.push(['jobs.schedule', ...args]),
    cancel: async (key) => void calls.push(['jobs.cancel', key]),
  };
  const timers: OrderTimers = {
    schedule: async (orderId, deadline) => void calls.push(['timers.schedule', orderId, deadline]),
    cancel: async (orderId) => void calls.push(['timers.cancel', orderId]),
  };
  return { calls, scheduler: withOrderTimers(jobs, timers, { now: () => 1_000_000 }) };
}

describe('withOrderTimers', () => {
  it("sends an order's payment deadline to the order timers, at its time or after its delay", async () => {
    const { calls, scheduler } = recorders();
    await scheduler.schedule('order.expire', { orderId: 42 }, { at: 5_000_000, key: 'order.expire:42' });
    await scheduler.schedule('order.expire', { orderId: 43 }, { delaySeconds: 90 });
    expect(calls).toEqual([
      ['timers.schedule', 42, 5_000_000],
      ['timers.schedule', 43, 1_090_000],
    ]);
  });

  it('leaves every other job to the jobs scheduler', async () => {
    const { calls, scheduler } = recorders();
    await scheduler.schedule('email.send', { to: 'a@example.com' }, { delaySeconds: 0, key: 'email:welcome:1' });
    await scheduler.cancel('email:welcome:1');
    expect(calls).toEqual([
      ['jobs.schedule', 'email.send', { to: 'a@example.com' }, { delaySeconds: 0, key: 'email:welcome:1' }],
      ['jobs.cancel', 'email:welcome:1'],
    ]);
  });

  it("cancels an order's timer in both (one scheduled before a switch stops too)", async () => {
    const { calls, scheduler } = recorders();
    await scheduler.cancel('order.expire:42');
    expect(calls).toEqual([
      ['timers.cancel', 42],
      ['jobs.cancel', 'order.expire:42'],
    ]);
  });

  it('refuses an order.expire without an order id, or keyed for another order', async () => {
    const { calls, scheduler } = recorders();
    await expect(scheduler.schedule('order.expire', { tag: 'x' }, { delaySeconds: 1 })).rejects.toThrow(TypeError);
    await expect(scheduler.schedule('order.expire', { orderId: 1 }, { delaySeconds: 1, key: 'order.expire:2' })).rejects.toThrow(TypeError);
    await scheduler.cancel('order.expire:01');
    await scheduler.cancel('order.expire:x');
    expect(calls).toEqual([
      ['jobs.cancel', 'order.expire:01'],
      ['jobs.cancel', 'order.expire:x'],
    ]);
  });
});
