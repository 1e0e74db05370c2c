// CSRF defence: a request that can change state must come from the shop's own
// pages, proven by its Origin header (or Referer when a browser sends no Origin).
import type { MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site state-changing requests with 403 before any handler runs.
 * `exempt` path prefixes and `exemptPaths` (exact paths) authenticate otherwise
 * (signed job webhooks; the one-click unsubscribe, authorized by its token).
 */
export function sameOriginWrites(exempt: string[] = [], exemptPaths: string[] = []): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (SAFE_METHODS.has(c.req.method) || exempt.some((prefix) => path.startsWith(prefix)) || exemptPaths.includes(path)) return next();
    if (!fromSameSite(c.req.raw)) return c.text('Cross-site request refused.', 403);
    return next();
  };
}

// Hosts are compared, not full origins: behind a TLS-terminating proxy the server
// sees http:// while the browser's Origin says https:// for the same shop.
function fromSameSite(req: Request): boolean {
  return sameSiteUrl(req.headers.get('origin') ?? req.headers.get('referer'), req) !== null;
}

/** `source` (an Origin or Referer value) parsed, if it points at the shop that `req` reached. */
export function sameSiteUrl(source: string | null, req: Request): URL | null {
  if (!source || source === 'null') return null;
  try {
    const url = new URL(source);
    return url.host === new URL(req.url).host ? url : null;
  } catch {
    return null;
  }
}
