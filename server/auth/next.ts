// Where to send a shopper after signing in: only a path on this site, never a
// URL an attacker could smuggle in through `?next=` (open redirect).

const UNSAFE = /[\\\u0000-\u001f\u007f]/; // backslashes and control characters (browsers drop tabs/newlines: "/\t/evil" → "//evil")

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || UNSAFE.test(next)) return '/';
  const base = 'http://shop.invalid';
  return new URL(next, base).origin === base ? next : '/';
}

/** The sign-in page that returns to `path` afterwards. */
export function signInUrl(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
