// The request size limit without its cost for the requests that carry no body or
// say their size up front: decided from the headers when they are enough. A body
// with a declared Content-Length (and no chunked framing, which would take
// precedence) is judged by it; a GET or HEAD with neither header has no body (a
// fetch Request of either cannot have one). Anything else (chunked, or a Request
// made in-process without a length) goes through `limit`, which counts the body as
// it arrives. Hono's bodyLimit alone reads `request.body` first, which makes a
// stream of every request.
import type { Context, MiddlewareHandler } from 'hono';

export function cheapBodyLimit(limit: MiddlewareHandler, maxBytes: number, tooLarge: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    const { method, headers } = c.req.raw;
    const length = headers.get('content-length');
    const chunked = headers.has('transfer-encoding');
    if (!chunked && length !== null && /^\d+$/.test(length)) return Number(length) > maxBytes ? tooLarge(c) : next();
    if (!chunked && length === null && (method === 'GET' || method === 'HEAD')) return next();
    return limit(c, next);
  };
}
