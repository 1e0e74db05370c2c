// One log line per request (method, path, status, duration, request id); the id is
// set by hono/request-id and echoed in the x-request-id response header.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger.ts';

export function requestLog(logger: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // Set after the handler: responses built by tRPC do not carry headers set earlier.
    c.header('x-request-id', c.get('requestId'));
    const ms = (performance.now() - started).toFixed(1);
    logger.info(`${c.req.method} ${loggedPath(c.req.url)} ${c.res.status} ${ms}ms ${c.get('requestId')}`);
  };
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
