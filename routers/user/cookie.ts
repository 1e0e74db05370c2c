// The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure unless the shop is
// reached on localhost (browsers drop Secure cookies over plain http there).
import { parse, serialize } from 'hono/utils/cookie';
import type { Context } from '../context.ts';

export const SESSION_COOKIE = 'gomall_session';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalOrigin(origin: string): boolean {
  return LOCAL_HOSTS.has(new URL(origin).hostname);
}

export function readSessionCookie(reqHeaders: Headers): string | undefined {
  const header = reqHeaders.get('cookie');
  return header ? parse(header, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
}

export function setSessionCookie(ctx: Pick<Context, 'origin' | 'resHeaders'>, token: string, maxAgeSeconds: number): void {
  ctx.resHeaders.append('Set-Cookie', serialize(SESSION_COOKIE, token, { ...cookieAttributes(ctx.origin), maxAge: maxAgeSeconds }));
}

export function clearSessionCookie(ctx: Pick<Context, 'origin' | 'resHeaders'>): void {
  ctx.resHeaders.append('Set-Cookie', serialize(SESSION_COOKIE, '', { ...cookieAttributes(ctx.origin), maxAge: 0 }));
}

/** HttpOnly, SameSite=Lax, Path=/, and Secure unless the shop runs on localhost. */
export function cookieAttributes(origin: string) {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure: !isLocalOrigin(origin) } as const;
}
