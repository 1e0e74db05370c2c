// The Scheduler contract, run against the QStash adapter: QStash is the stand-in
// (server/testing/qstash.ts), and "time passing" is it delivering the due messages,
// with minted signatures, to the shop's POST /jobs/:name handler.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { jobsWebhook } from '../server/jobs-webhook.ts';
import { recordingLogger } from '../server/testing/logger.ts';
import { startQStashStandIn, withoutClientLogs } from '../server/testing/qstash.ts';
import { createTestShop } from '../server/testing/test-shop.ts';
import { schedulerContract } from './scheduler.contract.ts';

schedulerContract('QStash', async (handlers) => {
  let now = () => 0;
  const qstash = startQStashStandIn({ token: 'contract-token', now: () => now() });
  const shop = await createTestShop({
    env: {
      SCHEDULER: 'qstash',
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: 'contract-token',
      QSTASH_CURRENT_SIGNING_KEY: 'sig_contract_current',
      QSTASH_NEXT_SIGNING_KEY: 'sig_contract_next',
      PUBLIC_URL: 'https://shop.test',
    },
  });
  now = shop.clock.now;
  // The webhook as the app mounts it, with the contract's recording handlers.
  const app = new Hono<{ Variables: { requestId: string } }>().use(requestId()).post('/jobs/:name', jobsWebhook({ deps: shop, logger: recordingLogger(), handlers }));
  return {
    scheduler: {
      schedule: shop.scheduler.schedule,
      // Cancelling a delivered message gets QStash's 404, which the client also logs.
      cancel: (key) => withoutClientLogs(() => shop.scheduler.cancel(key)),
    },
    now: shop.clock.now,
    advance: shop.clock.advance,
    runDue: async () => void (await qstash.deliverDue((request) => app.fetch(request), 'sig_contract_current')),
    async close() {
      qstash.stop();
      await shop.close();
    },
  };
});
