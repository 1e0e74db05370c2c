import { describe, expect, it } from 'bun:test';
import { backoffMs, retry } from './retry.ts';

const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';

describe('retry', () => {
  it('tries again after a passing failure and returns the first success', async () => {
    let calls = 0;
    const result = await retry(async () => (++calls < 3 ? Promise.reject(busy) : 'done'), { retryable: isBusy, baseDelayMs: 1, maxDelayMs: 2 });
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('throws at once what is not worth retrying, and stops after the last attempt', async () => {
    let calls = 0;
    const fatal = new Error('no such table');
    await expect(retry(async () => (calls++, Promise.reject(fatal)), { retryable: isBusy, baseDelayMs: 1, maxDelayMs: 2 })).rejects.toBe(fatal);
    expect(calls).toBe(1);
    calls = 0;
    await expect(retry(async () => (calls++, Promise.reject(busy)), { retryable: isBusy, attempts: 3, baseDelayMs: 1, maxDelayMs: 2 })).rejects.toBe(busy);
    expect(calls).toBe(3);
  });

  it('gives up rather than start an attempt past its deadline', async () => {
    let calls = 0;
    const deadline = performance.now() + 30;
    await expect(retry(async () => (calls++, Promise.reject(busy)), { retryable: isBusy, deadline, baseDelayMs: 5, maxDelayMs: 10 })).rejects.toBe(busy);
    expect(performance.now()).toBeLessThan(deadline + 15);
    expect(calls).toBeGreaterThan(1);
  });

  it('runs its hook between attempts (the dialect reopens its writer there)', async () => {
    const seen: unknown[] = [];
    let calls = 0;
    await retry(async () => (++calls < 2 ? Promise.reject(busy) : 'ok'), { retryable: isBusy, baseDelayMs: 1, maxDelayMs: 1, beforeRetry: (e) => void seen.push(e) });
    expect(seen).toEqual([busy]);
  });
});

describe('backoffMs', () => {
  it('doubles up to the cap, each pause between half and all of its ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 10, 50, () => 1))).toEqual([10, 20, 40, 50, 50]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 10, 50, () => 0))).toEqual([5, 10, 20, 25, 25]);
  });
});
