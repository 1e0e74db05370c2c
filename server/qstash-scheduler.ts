// The Scheduler on QStash: each job is a message QStash POSTs back, signed, to
// `${PUBLIC_URL}/jobs/<name>` when it is due (server/jobs-webhook.ts runs it).
// A keyed job's message id is kept in `scheduled_messages`, so `cancel(key)` can
// find it. Only fetch and Web Crypto underneath: the Bun server and the Worker
// both use it. (It lives in server/, not edge/: server/scheduler-for.ts picks it,
// and server/ never imports edge/.)
import { Client, QstashError } from '@upstash/qstash';
import type { Db } from '../db/database.ts';
import { ConfigError, type Config } from '../routers/config.ts';
import type { Clock, Scheduler } from '../routers/ports.ts';

/** QStash's own delivery retries (with its backoff) after a failed first attempt. */
export const QSTASH_RETRIES = 5;
const DEFAULT_QSTASH_URL = 'https://qstash.upstash.io';

export interface QStashSchedulerOptions {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'qstashUrl' | 'qstashToken'>;
}

export function qstashScheduler({ db, clock, config }: QStashSchedulerOptions): Scheduler {
  if (!config.qstashToken) throw new ConfigError('The QStash scheduler needs QSTASH_TOKEN');
  const client = new Client({
    token: config.qstashToken,
    // Both given, so the client never falls back to process.env (absent on Workers).
    baseUrl: config.qstashUrl ?? DEFAULT_QSTASH_URL,
    // Never the SDK's dev mode (QSTASH_DEV), which downloads and starts a binary.
    devMode: false,
    enableTelemetry: false,
    // A QStash outage fails the caller quickly (checkout says so) instead of stalling it for seconds.
    retry: { retries: 2, backoff: (n) => 100 * 2 ** n },
  });

  return {
    async schedule(job, payload, { at, delaySeconds = 0, key }) {
      // The same key again keeps the one job, as the local scheduler does; QStash's
      // deduplication id covers two schedules racing past this check.
      if (key !== undefined && (await messageFor(db, key))) return;
      // Whole seconds, rounded up: a job never arrives before it is due (order.expire refuses early runs).
      const timing = at !== undefined ? { notBefore: Math.ceil(at / 1000) } : { delay: Math.max(0, Math.ceil(delaySeconds)) };
      const { messageId } = await client.publishJSON({
        url: `${config.publicUrl}/jobs/${job}`,
        body: payload,
        ...timing,
        retries: QSTASH_RETRIES,
        ...(key !== undefined && { deduplicationId: deduplicationId(key) }),
      });
      if (key === undefined) return;
      const createdAt = clock.now();
      await db
        .insertInto('scheduled_messages')
        .values({ key, messageId, createdAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ messageId, createdAt }))
        .execute();
    },

    async cancel(key) {
      const row = await messageFor(db, key);
      if (!row) return;
      try {
        // `delete` reads no answer body (`cancel` expects JSON back).
        await client.messages.delete(row.messageId);
      } catch (error) {
        // 404: delivered already, or cancelled before; either way nothing is left to stop.
        if (!(error instanceof QstashError && error.status === 404)) throw error;
      }
      await db.deleteFrom('scheduled_messages').where('key', '=', key).where('messageId', '=', row.messageId).execute();
    },
  };
}

const messageFor = (db: Db, key: string) => db.selectFrom('scheduled_messages').select('messageId').where('key', '=', key).executeTakeFirst();

/**
 * A scheduler key as a QStash deduplication id, which allows only [A-Za-z0-9_.-]:
 * letters, digits, `.` and `-` stay, every other UTF-8 byte becomes `_` and two
 * hex digits (`order.expire:42` → `order.expire_3A42`). One key, one id; two keys,
 * two ids (`_` itself is always escaped).
 */
export function deduplicationId(key: string): string {
  let id = '';
  for (const byte of new TextEncoder().encode(key)) {
    const char = String.fromCharCode(byte);
    id += /[A-Za-z0-9.-]/.test(char) ? char : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return id;
}
