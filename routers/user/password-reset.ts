// Forgotten passwords. A shopper asks for a reset by email address; the answer is
// the same whether or not an account has it (no account enumeration), and asking is
// rate limited per email and per network address. For an account, a random token is
// made, only its SHA-256 is stored (password_resets), and a link
// `${publicUrl}/reset-password?token=…` is emailed. The link works once (a
// conditional update claims it) and for an hour; using it sets the new password,
// retires the account's other reset links and revokes every session of the account
// (the router then signs this browser in).
import type { User } from '../../db/tables/user.ts';
import type { AppDeps } from '../context.ts';
import { queuePasswordReset } from '../email/notifications.ts';
import type { Db } from '../ports.ts';
import { UserError } from './errors.ts';
import { hashPassword } from './password.ts';
import { claimPasswordReset, clearLoginFailures } from './rate-limit.ts';
import { revokeSessions } from './session.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;
const TOKEN_BYTES = 32;

type Deps = Pick<AppDeps, 'db' | 'scheduler' | 'config'>;

/** 32 random bytes, base64url: what the emailed link carries. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** SHA-256 of the token, hex: what the database keeps. */
export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const resetUrl = (publicUrl: string, token: string) => `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/**
 * Queues a reset email if an account has this address; otherwise does nothing,
 * after the same rate-limit check, and the caller answers the same either way.
 */
export async function requestPasswordReset(deps: Deps, { email, clientAddress }: { email: string; clientAddress: string }, now: number): Promise<void> {
  const claim = await claimPasswordReset(deps.db, email, clientAddress, now);
  if ('wait' in claim) throw new UserError('TOO_MANY_RESET_REQUESTS', claim.wait);
  const user = await deps.db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirst();
  if (!user) return;
  const token = newToken();
  const hash = await tokenHash(token);
  await deps.db.insertInto('password_resets').values({ tokenHash: hash, userId: user.id, expiresAt: now + RESET_TTL_MS, usedAt: null, createdAt: now }).execute();
  await queuePasswordReset(deps, user, { url: resetUrl(deps.config.publicUrl, token), id: hash, validMinutes: RESET_TTL_MS / 60_000 });
}

/** Whether a link still works (unused, unexpired), and for which address: the reset page says so before asking for a password. */
export async function checkResetLink(db: Db, token: string, now: number): Promise<{ valid: true; email: string } | { valid: false }> {
  if (!token) return { valid: false };
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.userId')
    .select('users.email')
    .where('password_resets.tokenHash', '=', await tokenHash(token))
    .where('password_resets.usedAt', 'is', null)
    .where('password_resets.expiresAt', '>', now)
    .executeTakeFirst();
  return row ? { valid: true, email: row.email } : { valid: false };
}

/**
 * Sets the password of the link's account and uses the link up, in one transaction:
 * the link is claimed by a conditional update, so of two uses (a double submit, a
 * replay) only one gets through. Every other reset link of the account stops working
 * and every session of it is revoked.
 */
export async function resetPassword(db: Db, { token, password }: { token: string; password: string }, now: number): Promise<User> {
  // Hashed before the transaction: PBKDF2 takes a while, and holds no lock.
  const [passwordHash, hash] = await Promise.all([hashPassword(password), tokenHash(token)]);
  const user = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('password_resets')
      .set({ usedAt: now })
      .where('tokenHash', '=', hash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning('userId')
      .executeTakeFirst();
    if (!claimed) return undefined;
    const updated = await trx.updateTable('users').set({ passwordHash, updatedAt: now }).where('id', '=', claimed.userId).returningAll().executeTakeFirst();
    if (!updated) return undefined;
    await trx.updateTable('password_resets').set({ usedAt: now }).where('userId', '=', updated.id).where('usedAt', 'is', null).execute();
    await revokeSessions(trx, now, { userId: updated.id });
    return updated;
  });
  if (!user) throw new UserError('RESET_LINK_INVALID');
  // Failed sign-ins that locked the account out count no more: the owner proved themselves.
  await clearLoginFailures(db, user.email, []);
  return user;
}
