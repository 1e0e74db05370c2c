// One-click unsubscribe from marketing email. Each marketing email carries a link
// `${publicUrl}/unsubscribe?token=…` whose token is an HS256 JWT (the config secret)
// naming the user, with the purpose 'unsubscribe' and an expiry: the token is the
// authorization, so it works without signing in. Unsubscribing twice is the same as
// once; a tampered or expired token changes nothing.
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.ts';
import { DomainError, type ErrorKind } from '../domain-error.ts';
import type { Db } from '../ports.ts';

/** How long an unsubscribe link keeps working: long enough for an old email in an inbox. */
export const UNSUBSCRIBE_TTL_MS = 60 * 24 * 60 * 60 * 1000;
const PURPOSE = 'unsubscribe';

export type UnsubscribeErrorCode = 'UNSUBSCRIBE_LINK_INVALID' | 'UNSUBSCRIBE_LINK_EXPIRED';

const KINDS: Record<UnsubscribeErrorCode, ErrorKind> = { UNSUBSCRIBE_LINK_INVALID: 'BAD_REQUEST', UNSUBSCRIBE_LINK_EXPIRED: 'BAD_REQUEST' };

const MESSAGES: Record<UnsubscribeErrorCode, string> = {
  UNSUBSCRIBE_LINK_INVALID:
    'This unsubscribe link is not valid: it may have been cut short or changed. Copy the whole link from the email, or sign in and untick marketing email on your account page.',
  UNSUBSCRIBE_LINK_EXPIRED:
    'This unsubscribe link has expired. Use the link in a more recent email, or sign in and untick marketing email on your account page.',
};

export class UnsubscribeError extends DomainError<UnsubscribeErrorCode> {
  override name = 'UnsubscribeError';
  constructor(code: UnsubscribeErrorCode) {
    super(code, MESSAGES[code]);
  }
  get kind() {
    return KINDS[this.code];
  }
}

const key = (secret: string) => new TextEncoder().encode(secret);

export function unsubscribeToken(secret: string, userId: number, now: number): Promise<string> {
  return new SignJWT({ purpose: PURPOSE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(userId))
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor((now + UNSUBSCRIBE_TTL_MS) / 1000))
    .sign(key(secret));
}

export const unsubscribeUrl = (shop: Pick<Config, 'publicUrl'>, token: string) => `${shop.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;

/** The user the token names, or why it names no one: tampered (any bad signature, claim or shape) or expired. */
export async function readUnsubscribeToken(secret: string, token: string, now: number): Promise<{ userId: number } | { error: UnsubscribeErrorCode }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], currentDate: new Date(now) });
    const userId = Number(payload.sub);
    // A session token (signed with the same secret) has no purpose: it unsubscribes no one.
    if (payload.purpose !== PURPOSE || !Number.isSafeInteger(userId) || userId < 1 || payload.exp === undefined) return { error: 'UNSUBSCRIBE_LINK_INVALID' };
    return { userId };
  } catch (error) {
    // jose checks the signature before the expiry: an expired token is one we signed.
    return { error: error instanceof errors.JWTExpired ? 'UNSUBSCRIBE_LINK_EXPIRED' : 'UNSUBSCRIBE_LINK_INVALID' };
  }
}

/** What the /unsubscribe page shows for a link: whose it is and whether they still get marketing email. */
export type UnsubscribeLink = { status: 'valid'; email: string; subscribed: boolean } | { status: 'invalid' | 'expired'; message: string };

export async function unsubscribeLink(db: Db, secret: string, token: string, now: number): Promise<UnsubscribeLink> {
  const read = await readUnsubscribeToken(secret, token, now);
  const user = 'userId' in read ? await db.selectFrom('users').select(['email', 'marketingOptIn']).where('id', '=', read.userId).executeTakeFirst() : undefined;
  if (!user) {
    const code = 'error' in read ? read.error : 'UNSUBSCRIBE_LINK_INVALID';
    return { status: code === 'UNSUBSCRIBE_LINK_EXPIRED' ? 'expired' : 'invalid', message: MESSAGES[code] };
  }
  return { status: 'valid', email: user.email, subscribed: user.marketingOptIn === 1 };
}

/** Turns marketing email off for the token's user; a second time changes nothing and succeeds. */
export async function unsubscribe(db: Db, secret: string, token: string, now: number): Promise<void> {
  const read = await readUnsubscribeToken(secret, token, now);
  if ('error' in read) throw new UnsubscribeError(read.error);
  await db.updateTable('users').set({ marketingOptIn: 0, updatedAt: now }).where('id', '=', read.userId).where('marketingOptIn', '=', 1).execute();
}
