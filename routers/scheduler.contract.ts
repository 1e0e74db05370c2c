// The behaviour every Scheduler adapter must show, run once per adapter:
// `schedulerContract('local', makeFixture)`. The fixture wires the given handlers
// to whatever runs the adapter's jobs (the local runner; QStash's deliveries to
// POST /jobs/:name) and moves its clock; the contract only schedules, cancels,
// moves time and counts handler runs.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { JobHandler } from './jobs.ts';
import type { JobName, Scheduler } from './ports.ts';

export interface SchedulerFixture {
  scheduler: Scheduler;
  /** The adapter's clock, epoch ms (whole seconds at the start). */
  now(): number;
  advance(ms: number): void;
  /** Runs what is due by now(): a runner's pass, or QStash delivering its due messages. */
  runDue(): Promise<void>;
  close(): Promise<void>;
}

type Run = { job: JobName; tag: string };

export function schedulerContract(name: string, makeFixture: (handlers: Record<JobName, JobHandler>) => Promise<SchedulerFixture>) {
  describe(`Scheduler contract: ${name}`, () => {
    const runs: Run[] = [];
    /** Tags whose next run throws (once), as a provider that is briefly down would. */
    const failOnce = new Set<string>();
    const recording =
      (job: JobName): JobHandler =>
      async (_deps, payload) => {
        const { tag } = payload as { tag: string };
        runs.push({ job, tag });
        if (failOnce.delete(tag)) throw new Error(`${tag}: provider down`);
      };
    let fixture: SchedulerFixture;
    let scheduler: Scheduler;
    beforeAll(async () => {
      fixture = await makeFixture({ 'order.expire': recording('order.expire'), 'email.send': recording('email.send'), 'campaign.fanout': recording('campaign.fanout') });
      scheduler = fixture.scheduler;
    });
    afterAll(() => fixture?.close());

    const runsOf = (tag: string) => runs.filter((run) => run.tag === tag);

    it('runs a delayed job once when it falls due, never before', async () => {
      await scheduler.schedule('email.send', { tag: 'delayed' }, { delaySeconds: 60, key: 'contract:delayed' });
      await fixture.runDue();
      fixture.advance(59_000);
      await fixture.runDue();
      expect(runsOf('delayed')).toEqual([]);
      fixture.advance(1_000);
      await fixture.runDue();
      await fixture.runDue();
      expect(runsOf('delayed')).toEqual([{ job: 'email.send', tag: 'delayed' }]);
    });

    it('runs a job at its absolute time', async () => {
      await scheduler.schedule('order.expire', { tag: 'at' }, { at: fixture.now() + 30_000, key: 'contract:at' });
      fixture.advance(29_000);
      await fixture.runDue();
      expect(runsOf('at')).toEqual([]);
      fixture.advance(1_000);
      await fixture.runDue();
      expect(runsOf('at')).toEqual([{ job: 'order.expire', tag: 'at' }]);
    });

    it('runs a job without a key, once', async () => {
      await scheduler.schedule('email.send', { tag: 'keyless' }, { delaySeconds: 0 });
      await fixture.runDue();
      await fixture.runDue();
      expect(runsOf('keyless')).toHaveLength(1);
    });

    it('keeps one job per key: scheduled twice, one after the other or at once, it runs once', async () => {
      await scheduler.schedule('email.send', { tag: 'twice' }, { delaySeconds: 10, key: 'contract:twice' });
      await scheduler.schedule('email.send', { tag: 'twice-again' }, { delaySeconds: 10, key: 'contract:twice' });
      await Promise.all(Array.from({ length: 3 }, () => scheduler.schedule('email.send', { tag: 'racing' }, { delaySeconds: 10, key: 'contract:racing' })));
      fixture.advance(10_000);
      await fixture.runDue();
      await fixture.runDue();
      expect([runsOf('twice'), runsOf('twice-again'), runsOf('racing')].map((r) => r.length)).toEqual([1, 0, 1]);
    });

    it('never runs a cancelled job, and cancelling leaves other keys alone', async () => {
      await scheduler.schedule('order.expire', { tag: 'cancelled' }, { delaySeconds: 5, key: 'contract:cancelled' });
      await scheduler.schedule('order.expire', { tag: 'kept' }, { delaySeconds: 5, key: 'contract:kept' });
      await scheduler.cancel('contract:cancelled');
      await scheduler.cancel('contract:cancelled');
      fixture.advance(3_600_000);
      await fixture.runDue();
      expect([runsOf('cancelled'), runsOf('kept')].map((r) => r.length)).toEqual([0, 1]);
    });

    it('treats cancelling an unknown key, or a job that already ran, as a no-op', async () => {
      await scheduler.cancel('contract:never-scheduled');
      await scheduler.schedule('email.send', { tag: 'ran' }, { delaySeconds: 0, key: 'contract:ran' });
      await fixture.runDue();
      await scheduler.cancel('contract:ran');
      expect(runsOf('ran')).toHaveLength(1);
    });

    it('runs a job again after its handler failed (at least once), and not after it succeeded', async () => {
      failOnce.add('flaky');
      await scheduler.schedule('email.send', { tag: 'flaky' }, { delaySeconds: 0, key: 'contract:flaky' });
      await fixture.runDue();
      expect(runsOf('flaky')).toHaveLength(1);
      fixture.advance(3_600_000);
      await fixture.runDue();
      fixture.advance(3_600_000);
      await fixture.runDue();
      expect(runsOf('flaky')).toHaveLength(2);
    });
  });
}
