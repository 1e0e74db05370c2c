// Pages that need an account send signed-out visitors to sign in first.
import { signInUrl } from './next.ts';

const NEEDS_ACCOUNT = /^\/(?:checkout|orders|account)(?:\/|$)|^\/admin/;

function needsAccount(path: string): boolean {
  return NEEDS_ACCOUNT.test(path);
}

/** The sign-in redirect for a signed-out visit to a page that needs an account, else null. */
export function signInRedirect(url: URL, signedIn: boolean): string | null {
  return !signedIn && needsAccount(url.pathname) ? signInUrl(url.pathname + url.search) : null;
}
