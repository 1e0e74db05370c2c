// The Scheduler contract, run against the local adapter: the jobs table and its runner.
import { jobRunner } from '../server/local/scheduler.ts';
import { recordingLogger } from '../server/testing/logger.ts';
import { createTestShop } from '../server/testing/test-shop.ts';
import { schedulerContract } from './scheduler.contract.ts';

schedulerContract('local jobs table', async (handlers) => {
  const shop = await createTestShop();
  const runner = jobRunner({ deps: shop, logger: recordingLogger(), handlers, retryDelayMs: 1_000 });
  return {
    scheduler: shop.scheduler,
    now: shop.clock.now,
    advance: shop.clock.advance,
    runDue: async () => void (await runner.runDue()),
    close: shop.close,
  };
});
