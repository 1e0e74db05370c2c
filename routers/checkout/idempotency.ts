// One result per idempotency key: the first call with a key claims it and records
// its result; replays (also concurrent ones) get that result instead of running
// again; the same key with a different request is refused. A call that fails
// releases its claim, so the shopper can fix the problem and retry with the key.
import type { Db } from '../../db/database.ts';
import { CheckoutError } from './errors.ts';

/** Keys are kept at least this long (a day), then may be forgotten. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const WAIT_STEP_MS = 20;
const WAIT_LIMIT_MS = 15_000;
/** A claim with no result after this was left by a process that stopped mid-call: it is taken over. */
const ABANDONED_MS = 60_000;

export interface KeyedCall {
  userId: number;
  scope: 'checkout' | 'payment';
  key: string;
  /** A digest of what the request asks for, stored with the first call. */
  requestHash: string;
  /** Whether a replay asks for what the first call (its stored digest) asked for; default: the same digest. */
  sameRequest?: (firstHash: string) => boolean;
  now: number;
}

export async function once<T>(db: Db, call: KeyedCall, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  for (;;) {
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ userId: call.userId, scope: call.scope, key: call.key, requestHash: call.requestHash, response: null, createdAt: call.now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (claimed.numInsertedOrUpdatedRows) return runClaimed(db, call, run);
    const first = await db
      .selectFrom('idempotency_keys')
      .select(['requestHash', 'response', 'createdAt'])
      .where('userId', '=', call.userId)
      .where('scope', '=', call.scope)
      .where('key', '=', call.key)
      .executeTakeFirst();
    if (!first) continue; // the first call failed and let go of the key: claim it now
    if (first.response === null && first.createdAt < call.now - ABANDONED_MS) {
      await keyRow(db, call).where('createdAt', '=', first.createdAt).where('response', 'is', null).execute();
      continue;
    }
    if (!(call.sameRequest ?? ((hash) => hash === call.requestHash))(first.requestHash)) {
      throw new CheckoutError('KEY_REUSED', 'This request was already made with different details. Please reload the page and try again.');
    }
    if (first.response !== null) return JSON.parse(first.response) as T;
    if (performance.now() - started > WAIT_LIMIT_MS) throw new Error(`idempotency key ${call.scope}:${call.key} is still running`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** Deletes this call's key row (narrowed further by the caller). */
const keyRow = (db: Db, call: KeyedCall) =>
  db.deleteFrom('idempotency_keys').where('userId', '=', call.userId).where('scope', '=', call.scope).where('key', '=', call.key);

async function runClaimed<T>(db: Db, call: KeyedCall, run: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await keyRow(db, call).execute();
    throw error;
  }
  await db
    .updateTable('idempotency_keys')
    .set({ response: JSON.stringify(result) })
    .where('userId', '=', call.userId)
    .where('scope', '=', call.scope)
    .where('key', '=', call.key)
    .execute();
  // Old keys go as new ones come: no sweeper needed.
  await db.deleteFrom('idempotency_keys').where('createdAt', '<', call.now - KEY_TTL_MS).execute();
  return result;
}

/** A stable digest of a request's fields (SHA-256, hex). */
export async function requestHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
