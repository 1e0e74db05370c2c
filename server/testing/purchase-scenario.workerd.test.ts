// The purchase scenario on the Worker in workerd (Miniflare): carts in CartObjects,
// the unpaid order cancelled by its OrderTimer alarm, emails published to the
// QStash stand-in (SCHEDULER=qstash), libSQL over HTTP.
import { startShopWorker } from '../../edge/testing/shop-worker.ts';
import { purchaseScenario, SCENARIO_TIMEOUT_SECONDS, type QueuedEmail } from './purchase-scenario.ts';

purchaseScenario('Workers (workerd)', async () => {
  const PUBLIC_URL = 'https://shop.test';
  const worker = await startShopWorker({
    qstash: true,
    bindings: { PUBLIC_URL, SCHEDULER: 'qstash', ORDER_PAYMENT_TIMEOUT_SECONDS: String(SCENARIO_TIMEOUT_SECONDS) },
  });
  return {
    origin: worker.origin,
    fetch: (url, init) => worker.mf.dispatchFetch(url, init) as unknown as Promise<Response>,
    queuedEmails: async () =>
      worker.qstash!.messages.filter((m) => m.destination === `${PUBLIC_URL}/jobs/email.send`).map((m) => JSON.parse(m.body) as QueuedEmail),
    stop: () => worker.close(),
  };
});
