// Where to send a shopper after signing in: only a path on this site, never a
// URL an attacker could smuggle in through `?next=` (open redirect).

const UNSAFE = /[\\\u0000-\u001f\u007f]/; // backslashes and control characters (browsers drop tabs/newlines: "/\t/evil" → "//evil")

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || UNSAFE.test(next)) return '/';
  const base = 'http://shop.invalid';
  return new URL(next, base).origin === base ? next : '/';
}

/** `page` carrying a `next` to return to afterwards (dropped when unsafe or just "/"). */
export function withNext(page: string, next: unknown): string {
  const target = safeNext(next);
  return target === '/' ? page : `${page}?next=${encodeURIComponent(target)}`;
}

/** The sign-in page that returns to `path` afterwards. */
export const signInUrl = (path: string) => withNext('/sign-in', path);
