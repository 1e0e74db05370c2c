// The Content-Security-Policy of server-rendered pages. Scripts run only from the
// shop's own origin, or inline (Solid's hydration data) with this response's nonce or,
// on a page shared from the page cache, the hash of each of its inline scripts;
// nothing may be framed, posted or fetched elsewhere (images may come over https).
export function cspNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The CSP source of an inline script's exact text. */
export async function scriptHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/** The policy of a page rendered for one response: its inline scripts carry `nonce`. */
export const noncePolicy = (nonce: string): string => pagePolicy([`'nonce-${nonce}'`]);

/** `scripts`: what else may run besides the shop's own files: `'nonce-…'` or `'sha256-…'` sources. */
export function pagePolicy(scripts: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`,
    "style-src 'self'",
    // Admins may point a product at an image on another (https) host.
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
