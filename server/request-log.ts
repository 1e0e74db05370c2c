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
    logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms ${c.get('requestId')}`);
  };
}
