// The Content-Security-Policy of server-rendered pages. Scripts run only from the
// shop's own origin or with this response's nonce (Solid's inline hydration data);
// nothing may be framed, posted or fetched elsewhere (images may come over https).
export function cspNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
