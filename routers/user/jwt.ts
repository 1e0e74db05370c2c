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

/**
 * The claims of a valid token, or null for anything else: expired, tampered,
 * signed with another key or algorithm (`alg: none` included), or malformed.
 */
export async function verifySessionToken(secret: string, token: string, now: number): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], currentDate: new Date(now) });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string' || payload.exp === undefined) return null;
    return { userId, sessionId: payload.sid };
  } catch {
    return null;
  }
}
