// A shop process (Bun or Deno entry) for the purchase scenario: its own embedded
// database file, a short payment timeout, the job runner polling every 100 ms, and
// the queued emails read from its jobs table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { SCENARIO_TIMEOUT_SECONDS, type QueuedEmail, type ShopUnderTest } from './purchase-scenario.ts';
import type { ServerProcess } from './server-process.ts';

export async function localShopProcess(start: (env: Record<string, string>) => Promise<ServerProcess>): Promise<ShopUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'gomall-scenario-'));
  const url = `file:${join(dir, 'shop.db')}`;
  const server = await start({ DATABASE_URL: url, ORDER_PAYMENT_TIMEOUT_SECONDS: String(SCENARIO_TIMEOUT_SECONDS), JOB_POLL_MS: '100' });
  const { db } = await openDatabase(url);
  return {
    origin: server.url,
    async queuedEmails(): Promise<QueuedEmail[]> {
      const jobs = await db.selectFrom('jobs').select('payload').where('name', '=', 'email.send').orderBy('id').execute();
      return jobs.map((job) => JSON.parse(job.payload) as QueuedEmail);
    },
    async stop() {
      await server.stop();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
