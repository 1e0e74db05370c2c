// The last errors this process logged, kept in memory for the admin dashboard
// (admin.dashboard.get, through the RecentErrors port): when, the request id, and
// the log line with the error's message. Stacks stay in the log.
import type { RecentError, RecentErrors } from '../routers/ports.ts';
import type { Logger } from './logger.ts';

const MESSAGE_CHARS = 500;

export interface ErrorRing extends RecentErrors {
  /** The logger, also noting each error here. */
  watch(logger: Logger): Logger;
}

export function errorRing(size = 50, now: () => number = Date.now): ErrorRing {
  const kept: RecentError[] = [];
  return {
    list: () => kept.slice().reverse(),
    watch: (logger) => ({
      info: (line, fields) => logger.info(line, fields),
      error(line, error, fields) {
        logger.error(line, error, fields);
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : error === undefined ? '' : String(error);
        const requestId = typeof fields?.requestId === 'string' ? fields.requestId : undefined;
        kept.push({ at: now(), ...(requestId && { requestId }), message: (reason ? `${line}: ${reason}` : line).slice(0, MESSAGE_CHARS) });
        if (kept.length > size) kept.shift();
      },
    }),
  };
}
