// Pages that need an account send signed-out visitors to sign in first.
import { signInUrl } from './next.ts';

// Case-insensitive because the page router matches routes that way: /ACCOUNT renders the account page.
const NEEDS_ACCOUNT = /^\/(?:checkout|orders|account)(?:\/|$)|^\/admin/i;

/** The sign-in redirect for a signed-out visit to a page that needs an account, else null. */
export function signInRedirect(url: URL, signedIn: boolean): string | null {
  if (signedIn) return null;
  // "//account" must not slip past the check (proxies and routers may collapse the slashes);
  // one slash also keeps it a valid `next`, which refuses a leading "//".
  const path = url.pathname.replace(/^\/{2,}/, '/');
  return NEEDS_ACCOUNT.test(path) ? signInUrl(path + url.search) : null;
}
