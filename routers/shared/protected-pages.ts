// Pages that need an account send signed-out visitors to sign in first.
import { signInUrl } from './next.ts';

// Case-insensitive because the page router matches routes that way: /ACCOUNT renders the account page.
const NEEDS_ACCOUNT = /^\/(?:checkout|orders|account)(?:\/|$)|^\/admin/i;

/** Whether the page at `path` needs an account. */
export const needsAccount = (path: string) => NEEDS_ACCOUNT.test(path);

/** The sign-in redirect for a signed-out visit to a page that needs an account, else null. */
export function signInRedirect(url: URL, signedIn: boolean): string | null {
  if (signedIn) return null;
  // Paths with a doubled leading slash never get here: the app first redirects them to one slash.
  return needsAccount(url.pathname) ? signInUrl(url.pathname + url.search) : null;
}
