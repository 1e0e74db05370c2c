// Sessions: a row in `sessions` per sign-in, named by the JWT's `sid`, so that
// logout and password changes can revoke a token before it expires.
import type { Context, SessionUser } from '../context.ts';
import type { Db } from '../ports.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookie.ts';
import { signSessionToken, verifySessionToken } from './jwt.ts';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type SessionContext = Pick<Context, 'db' | 'clock' | 'config' | 'origin' | 'reqHeaders' | 'resHeaders'>;

/** Signs the user in: a new session row and its cookie. */
export async function startSession(ctx: SessionContext, userId: number): Promise<string> {
  const now = ctx.clock.now();
  const sessionId = crypto.randomUUID();
  const expiresAt = now + SESSION_TTL_MS;
  await ctx.db.insertInto('sessions').values({ id: sessionId, userId, createdAt: now, expiresAt, revokedAt: null }).execute();
  const token = await signSessionToken(ctx.config.secret, { userId, sessionId }, now, expiresAt);
  setSessionCookie(ctx, token, SESSION_TTL_MS / 1000);
  return sessionId;
}

/**
 * The signed-in user of a request, or null. A cookie that does not lead to a live
 * session (bad token, revoked, expired, user gone) is cleared, never an error.
 */
export async function resolveSession(ctx: SessionContext): Promise<SessionUser | null> {
  const token = readSessionCookie(ctx.reqHeaders);
  if (!token) return null;
  const now = ctx.clock.now();
  const claims = await verifySessionToken(ctx.config.secret, token, now);
  const row = claims
    ? await ctx.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .select(['sessions.id as sessionId', 'users.id as userId', 'users.role'])
        .where('sessions.id', '=', claims.sessionId)
        .where('sessions.userId', '=', claims.userId)
        .where('sessions.revokedAt', 'is', null)
        .where('sessions.expiresAt', '>', now)
        .executeTakeFirst()
    : undefined;
  if (!row) {
    clearSessionCookie(ctx);
    return null;
  }
  return row;
}

/** Signs the request's session out: revoked in the database, cookie cleared. */
export async function endSession(ctx: SessionContext & Pick<Context, 'session'>): Promise<void> {
  if (ctx.session) await revokeSessions(ctx.db, ctx.clock.now(), { sessionId: ctx.session.sessionId });
  clearSessionCookie(ctx);
}

/** Revokes one session, or every live session of a user except one. */
export async function revokeSessions(
  db: Db,
  now: number,
  which: { sessionId: string } | { userId: number; except?: string },
): Promise<void> {
  let query = db.updateTable('sessions').set({ revokedAt: now }).where('revokedAt', 'is', null);
  if ('sessionId' in which) query = query.where('id', '=', which.sessionId);
  else {
    query = query.where('userId', '=', which.userId);
    if (which.except) query = query.where('id', '!=', which.except);
  }
  await query.execute();
}
