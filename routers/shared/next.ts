// Where to send a shopper after signing in: only a path on this site, never a
// URL an attacker could smuggle in through `?next=` (open redirect).

const UNSAFE = /[\\\u0000-\u001f\u007f]/; // backslashes and control characters (browsers drop tabs/newlines: "/\t/evil" → "//evil")

const BASE = 'http://shop.invalid';

/** `value` if it is a path on this site, else null. */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return null;
  return new URL(value, BASE).origin === BASE ? value : null;
}

/** `next` if it is a path on this site, else the home page. */
export function safeNext(next: unknown): string {
  return sameSitePath(next) ?? '/';
}

/** `page` carrying a `next` to return to afterwards (dropped when unsafe or just "/"). */
export function withNext(page: string, next: unknown): string {
  const target = safeNext(next);
  return target === '/' ? page : `${page}?next=${encodeURIComponent(target)}`;
}

/** The sign-in page that returns to `path` afterwards. */
export const signInUrl = (path: string) => withNext('/sign-in', path);
