// Retrying an operation that may fail for a moment (a database lock held by another
// process, a Durable Object being reset), with exponential backoff and jitter so
// many callers do not retry in step. It sits in db/, the lowest folder, so that
// every layer (the embedded dialect, the edge adapters, job runners) can use it.

export interface RetryOptions {
  /** Whether a failure is worth another attempt; anything else is thrown at once. */
  retryable: (error: unknown) => boolean;
  /** Most attempts in all (default: no limit, so give a deadline). */
  attempts?: number;
  /** No attempt starts after this `performance.now()` time. */
  deadline?: number;
  /** The first pause, in ms; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Runs after a failed attempt, before the pause (e.g. to reopen a connection). */
  beforeRetry?: (error: unknown) => void | Promise<void>;
}

/** The pause before retry number `retry` (1 for the first): exponential, capped, with "equal jitter" (half fixed, half random). */
export function backoffMs(retry: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

export async function retry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!options.retryable(error) || n >= (options.attempts ?? Infinity)) throw error;
      await options.beforeRetry?.(error);
      const pause = backoffMs(n, options.baseDelayMs, options.maxDelayMs);
      if (options.deadline !== undefined && performance.now() + pause > options.deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
