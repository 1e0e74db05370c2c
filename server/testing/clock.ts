import type { Clock } from '../../routers/ports.ts';

/** A clock that only moves when a test says so. */
export function manualClock(start = Date.parse('2026-11-25T12:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  } satisfies Clock & { advance(ms: number): void };
}
