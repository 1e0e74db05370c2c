// The local Scheduler adapter: durable jobs run by the clock, at least once,
// retried with backoff, then left failed where an admin can see them.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../testing/test-shop.ts';
import { recordingLogger } from '../testing/logger.ts';
import { jobRunner } from './scheduler.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const job = (key: string) => shop.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

describe('local scheduler', () => {
  it('runs a job when the clock reaches it, once, and keeps one job per key', async () => {
    const runs: unknown[] = [];
    const runner = jobRunner({ deps: shop, logger: recordingLogger(), handlers: { 'order.expire': async (_deps, payload) => void runs.push(payload) } });
    await shop.scheduler.schedule('order.expire', { orderId: 1 }, { delaySeconds: 60, key: 'k-once' });
    await shop.scheduler.schedule('order.expire', { orderId: 1 }, { delaySeconds: 60, key: 'k-once' });
    await runner.runDue();
    expect(runs).toEqual([]);
    shop.clock.advance(60_000);
    await runner.runDue();
    await runner.runDue();
    expect(runs).toEqual([{ orderId: 1 }]);
    expect((await job('k-once')).status).toBe('done');
  });

  it('does not run a cancelled job', async () => {
    const runs: unknown[] = [];
    const runner = jobRunner({ deps: shop, logger: recordingLogger(), handlers: { 'order.expire': async (_d, p) => void runs.push(p) } });
    await shop.scheduler.schedule('order.expire', { orderId: 2 }, { delaySeconds: 1, key: 'k-cancel' });
    await shop.scheduler.cancel('k-cancel');
    shop.clock.advance(5_000);
    await runner.runDue();
    expect([runs, (await job('k-cancel')).status]).toEqual([[], 'cancelled']);
  });

  it('retries a failing job with growing pauses, then marks it failed with the error', async () => {
    let calls = 0;
    const logger = recordingLogger();
    const runner = jobRunner({
      deps: shop,
      logger,
      maxAttempts: 3,
      retryDelayMs: 1_000,
      handlers: {
        'order.expire': async () => {
          calls++;
          throw new Error('mail server down');
        },
      },
    });
    await shop.scheduler.schedule('order.expire', { orderId: 3 }, { delaySeconds: 0, key: 'k-fail' });
    await runner.runDue();
    const first = await job('k-fail');
    expect([calls, first.status, first.attempts, first.lastError]).toEqual([1, 'pending', 1, 'mail server down']);
    // Not again before its pause (between half and all of 1 s) is over.
    await runner.runDue();
    expect(calls).toBe(1);
    expect(first.runAt - shop.clock.now()).toBeGreaterThanOrEqual(500);
    shop.clock.advance(1_000);
    await runner.runDue();
    const second = await job('k-fail');
    expect(second.runAt - shop.clock.now()).toBeGreaterThanOrEqual(1_000);
    shop.clock.advance(2_000);
    await runner.runDue();
    const failed = await job('k-fail');
    expect([calls, failed.status, failed.attempts]).toEqual([3, 'failed', 3]);
    shop.clock.advance(3_600_000);
    await runner.runDue();
    expect(calls).toBe(3);
    expect(logger.errors.map((e) => e.line)).toEqual(Array(3).fill(expect.stringContaining('job order.expire')));
  });
});
