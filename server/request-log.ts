// One log line per request (method, path, status, duration, request id); the id is
// set by hono/request-id and echoed in the x-request-id response header. The JSON
// format adds the route template, the signed-in user and the trace; the same
// figures feed the request metrics when they are on.
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from './logger.ts';
import { routeOf, type RouteVariables } from './route-name.ts';

/** Takes each finished request (server/metrics.ts). */
export interface RequestObserver {
  request(method: string, route: string, status: number, seconds: number): void;
}

export function requestLog(logger: Logger, observer?: RequestObserver): MiddlewareHandler<{ Variables: RouteVariables }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // Set after the handler: responses built by tRPC do not carry headers set earlier.
    const requestId = c.get('requestId');
    setResponseHeader(c, 'x-request-id', requestId);
    const elapsed = performance.now() - started;
    const ms = elapsed.toFixed(1);
    const { method } = c.req;
    const path = loggedPath(c.req.url);
    const status = c.res.status;
    const route = routeOf(c);
    logger.info(`${method} ${path} ${status} ${ms}ms ${requestId}`, {
      requestId,
      traceId: c.get('traceId'),
      userId: c.get('userId'),
      method,
      route,
      path,
      status,
      durationMs: Number(ms),
    });
    observer?.request(method, route, status, elapsed / 1000);
  };
}

/**
 * Sets a header on the finished response in place. Hono's c.header() would copy the
 * response first (its body becoming a stream, which Bun sends more slowly than the
 * string or bytes it was); only a response whose headers cannot change is copied.
 */
function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

/**
 * The path as it arrived, still percent-encoded: Hono's decoded c.req.path would let
 * "%0a" forge a second log line and "%1b" or "%00" write control bytes into the log.
 */
export function loggedPath(url: string): string {
  if (URL.canParse(url)) return printable(new URL(url).pathname);
  // A malformed Host header leaves a URL that does not parse: log what follows the host.
  return printable(url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/s, ''));
}

/** Text for a log line: anything but visible ASCII (controls, spaces, line separators) percent-encoded. */
export function printable(text: string): string {
  return text.replace(/[^\x21-\x7e]/gu, (ch) =>
    Array.from(new TextEncoder().encode(ch), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
