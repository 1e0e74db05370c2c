// Session tokens: HS256 JWTs (jose) carrying the user (`sub`) and the session row (`sid`).
import { jwtVerify, SignJWT } from 'jose';

export interface SessionClaims {
  userId: number;
  sessionId: string;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export function signSessionToken(secret: string, claims: SessionClaims, issuedAt: number, expiresAt: number): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(key(secret));
}

interface Verified {
  secret: string;
  claims: SessionClaims;
  expiresAt: number;
}

/**
 * Tokens already verified in this process (the last 10,000, oldest out first), so a
 * shopper's next requests skip the signature check (a tenth of a signed-in request's
 * CPU): a token's claims cannot change, only run out, and its session's revocation is
 * checked in the database on every request anyway.
 */
const verified = new Map<string, Verified>();
const REMEMBERED_TOKENS = 10_000;

/**
 * The claims of a valid token, or null for anything else: expired, tampered,
 * signed with another key or algorithm (`alg: none` included), or malformed.
 */
export async function verifySessionToken(secret: string, token: string, now: number): Promise<SessionClaims | null> {
  const known = verified.get(token);
  if (known && known.secret === secret) return known.expiresAt > now ? known.claims : null;
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], currentDate: new Date(now) });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string' || payload.exp === undefined) return null;
    const claims = { userId, sessionId: payload.sid };
    // Oldest first out (a Map keeps insertion order).
    if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { secret, claims, expiresAt: payload.exp * 1000 });
    return claims;
  } catch {
    return null;
  }
}
