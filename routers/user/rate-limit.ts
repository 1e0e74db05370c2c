// Sign-in and sign-up rate limits: attempts are rows in `login_attempts` (the database,
// not memory, so every edge isolate sees the same counts). A sign-in counts against
// the email and against the client's network address; a sign-up against the address;
// a password-reset request against both (its own counters).
import type { Db } from '../ports.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const EMAIL_ATTEMPT_LIMIT = 5;
export const CLIENT_ATTEMPT_LIMIT = 20;
/** New accounts one network address may open per window: plenty for a family or an office, few for a script. */
export const REGISTRATION_LIMIT = 10;
/** Password-reset emails one address may be sent per window, and requests one network address may make. */
export const RESET_EMAIL_LIMIT = 3;
export const RESET_CLIENT_LIMIT = 10;

interface Counter {
  key: string;
  limit: number;
}

function counters(email: string, clientAddress: string): Counter[] {
  const list = [{ key: `email:${email}`, limit: EMAIL_ATTEMPT_LIMIT }];
  // Without a known address every visitor would share one counter and lock each other out.
  if (clientAddress !== 'unknown') list.push({ key: `client:${clientAddress}`, limit: CLIENT_ATTEMPT_LIMIT });
  return list;
}

/** Milliseconds until a sign-in may be tried again; 0 when it may be tried now. */
async function loginWaitMs(db: Db, counted: Counter[], now: number): Promise<number> {
  let wait = 0;
  for (const { key, limit } of counted) {
    // The limit-th most recent attempt in the window: once it ages out, one more try is allowed.
    const row = await db
      .selectFrom('login_attempts')
      .select('attemptedAt')
      .where('key', '=', key)
      .where('attemptedAt', '>', now - LOGIN_WINDOW_MS)
      .orderBy('attemptedAt', 'desc')
      .limit(1)
      .offset(limit - 1)
      .executeTakeFirst();
    if (row) wait = Math.max(wait, row.attemptedAt + LOGIN_WINDOW_MS - now);
  }
  return wait;
}

export type LoginClaim = { wait: number } | { attemptIds: number[] };

/**
 * Counts a sign-in attempt BEFORE its password is checked: simultaneous guesses
 * would otherwise all pass the check before any failure was written. When the
 * limit is reached nothing is recorded and the wait comes back instead.
 */
export function claimLoginAttempt(db: Db, email: string, clientAddress: string, now: number): Promise<LoginClaim> {
  return claim(db, counters(email, clientAddress), now);
}

/**
 * Counts a check of a signed-in user's current password (changing it) against their
 * email, like a sign-in: a stolen session must not allow unlimited guessing. Not against
 * the address, so a shopper mistyping cannot lock out everyone sharing it.
 */
export function claimPasswordCheck(db: Db, email: string, now: number): Promise<LoginClaim> {
  return claim(db, [{ key: `email:${email}`, limit: EMAIL_ATTEMPT_LIMIT }], now);
}

/**
 * Counts a sign-up from the client's address (successful or not); the wait once the limit
 * is reached. The machine's own address is not limited: local scripts and test suites
 * open many accounts, and a stranger cannot send from it.
 */
export function claimRegistration(db: Db, clientAddress: string, now: number): Promise<LoginClaim> {
  const limited = clientAddress !== 'unknown' && !isLoopback(clientAddress);
  return claim(db, limited ? [{ key: `register:${clientAddress}`, limit: REGISTRATION_LIMIT }] : [], now);
}

/**
 * Counts a password-reset request against the email it names (whether or not an
 * account has it: the answer must not tell) and the client's address: nobody can
 * flood an inbox with reset emails, nor try address after address from one place.
 */
export function claimPasswordReset(db: Db, email: string, clientAddress: string, now: number): Promise<LoginClaim> {
  const list = [{ key: `reset-email:${email}`, limit: RESET_EMAIL_LIMIT }];
  if (clientAddress !== 'unknown') list.push({ key: `reset-client:${clientAddress}`, limit: RESET_CLIENT_LIMIT });
  return claim(db, list, now);
}

const isLoopback = (address: string) => /^(127\.|::1$|::ffff:127\.)/.test(address);

async function claim(db: Db, counted: Counter[], now: number): Promise<LoginClaim> {
  const keys = counted.map((c) => c.key);
  if (!keys.length) return { attemptIds: [] };
  return db.transaction().execute(async (trx) => {
    const wait = await loginWaitMs(trx, counted, now);
    if (wait > 0) return { wait };
    // Housekeeping: attempts older than the window never count again, whoever made them;
    // deleting only this attempt's keys would keep every other key's rows forever.
    await trx.deleteFrom('login_attempts').where('attemptedAt', '<=', now - LOGIN_WINDOW_MS).execute();
    const rows = await trx
      .insertInto('login_attempts')
      .values(keys.map((key) => ({ key, attemptedAt: now })))
      .returning('id')
      .execute();
    return { attemptIds: rows.map((r) => r.id) };
  });
}

/** A successful sign-in: its own attempt does not count, and the email's counter starts over (the client's stays). */
export async function clearLoginFailures(db: Db, email: string, attemptIds: number[]): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where((eb) => eb.or([eb('key', '=', `email:${email}`), eb('id', 'in', attemptIds)]))
    .execute();
}
