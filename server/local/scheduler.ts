// The Scheduler of a single node: jobs are rows in the `jobs` table, run by an
// in-process runner. A job due while the server was down runs at the next start;
// a failing job is retried with backoff, then left `failed` for an admin to see.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { backoffMs } from '../../db/retry.ts';
import type { AppDeps } from '../../routers/context.ts';
import { jobHandlers, type JobHandler } from '../../routers/jobs.ts';
import type { Clock, JobName, Scheduler } from '../../routers/ports.ts';
import type { Logger } from '../logger.ts';
import type { ShopTracing } from '../tracing.ts';

type ClaimedJob = { id: number; name: string; payload: string; attempts: number; traceparent: string | null };

/** How long a runner holds a job; a runner that died mid-job loses it after this. */
const LEASE_MS = 60_000;

export function localScheduler(db: Db, clock: Clock): Scheduler {
  return {
    async schedule(job, payload, { at, delaySeconds = 0, key, trace }) {
      const now = clock.now();
      const runAt = at ?? now + delaySeconds * 1000;
      await db
        .insertInto('jobs')
        .values({ name: job, payload: JSON.stringify(payload), key: key ?? null, runAt, status: 'pending', lastError: null, lockedUntil: null, createdAt: now, updatedAt: now, traceparent: trace ?? null })
        // The same key again keeps one job (a retried checkout schedules its timer once).
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
    async cancel(key) {
      await db.updateTable('jobs').set({ status: 'cancelled', updatedAt: clock.now() }).where('key', '=', key).where('status', '=', 'pending').execute();
    },
  };
}

export interface JobRunnerOptions {
  deps: AppDeps;
  logger: Logger;
  /** The job handlers (tests pass their own for a name or two). */
  handlers?: Partial<Record<JobName, JobHandler>>;
  /** Attempts before a job is marked failed. */
  maxAttempts?: number;
  /** The first retry's pause; later ones double (with jitter) up to an hour. */
  retryDelayMs?: number;
  /** With tracing on, each run is a trace of its own, linked to the request that queued the job. */
  tracing?: ShopTracing;
}

export function jobRunner({ deps, logger, handlers = jobHandlers, maxAttempts = 5, retryDelayMs = 10_000, tracing }: JobRunnerOptions) {
  const { db, clock } = deps;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;

  /** Takes the next due job (or one whose runner's lease ran out), marking it running. */
  async function claim(now: number) {
    const result = await sql<ClaimedJob>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, "lockedUntil" = ${now + LEASE_MS}, "updatedAt" = ${now}
      WHERE id = (
        SELECT id FROM jobs
        WHERE (status = 'pending' AND "runAt" <= ${now}) OR (status = 'running' AND "lockedUntil" < ${now})
        ORDER BY "runAt", id LIMIT 1
      )
      RETURNING id, name, payload, attempts, traceparent`.execute(db);
    return result.rows[0];
  }

  async function runOne(job: ClaimedJob) {
    const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name as JobName] : undefined;
    const run = () => handler!(deps, JSON.parse(job.payload));
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await (tracing ? tracing.job(job.name, job.traceparent, run) : run());
      await db.updateTable('jobs').set({ status: 'done', lockedUntil: null, lastError: null, updatedAt: clock.now() }).where('id', '=', job.id).execute();
      deps.metrics?.count('job.succeeded', job.name);
    } catch (error) {
      const now = clock.now();
      const failed = job.attempts >= maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`job ${job.name} #${job.id} failed (attempt ${job.attempts} of ${maxAttempts})`, error, { job: job.name, jobId: job.id, attempt: job.attempts });
      await db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          runAt: failed ? now : now + backoffMs(job.attempts, retryDelayMs, 3_600_000),
          lastError: message.slice(0, 1000),
          lockedUntil: null,
          updatedAt: now,
        })
        .where('id', '=', job.id)
        .execute();
      deps.metrics?.count('job.failed', job.name);
      deps.metrics?.count(failed ? 'job.given_up' : 'job.retried', job.name);
    }
  }

  /** Runs every job due by the clock's now, one after another; returns how many ran. */
  async function drain(): Promise<number> {
    const now = clock.now();
    let ran = 0;
    for (let job = await claim(now); job; job = await claim(now)) {
      await runOne(job);
      ran++;
    }
    return ran;
  }

  return {
    /** One pass over the due jobs; concurrent calls share the pass under way. */
    runDue(): Promise<number> {
      running ??= drain().finally(() => (running = undefined));
      return running;
    },
    /** Polls for due jobs until stopped (the first pass runs now: overdue jobs after a restart). */
    start(intervalMs = 1000) {
      const tick = () => this.runDue().catch((error) => logger.error('job runner pass failed', error));
      void tick();
      timer = setInterval(tick, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export type JobRunner = ReturnType<typeof jobRunner>;
