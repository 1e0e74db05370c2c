// admin.job.*: the background jobs as administrators see them — above all the
// failed ones (an email provider that was down, a handler that threw), each with
// its last error, and a retry that puts a failed job back in the queue now.
import * as v from 'valibot';
import type { JobStatus } from '../../db/tables/job.ts';
import { DomainError, type ErrorKind } from '../domain-error.ts';
import type { Db } from '../ports.ts';
import { id, page } from '../shared/schemas.ts';
import type { Paged } from '../shared/schemas.ts';
import { adminProcedure, router } from '../trpc.ts';

const PAGE_SIZE = 50;
export const JOB_STATUSES = ['failed', 'pending', 'running', 'done', 'cancelled'] as const satisfies readonly JobStatus[];

export type JobErrorCode = 'JOB_NOT_FOUND' | 'JOB_NOT_FAILED';

const KINDS: Record<JobErrorCode, ErrorKind> = { JOB_NOT_FOUND: 'NOT_FOUND', JOB_NOT_FAILED: 'CONFLICT' };

export class JobError extends DomainError<JobErrorCode> {
  override name = 'JobError';
  get kind() {
    return KINDS[this.code];
  }
}

export interface JobEntry {
  id: number;
  name: string;
  key: string | null;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  runAt: number;
  createdAt: number;
  updatedAt: number;
  /** What the job is about, in a line: an email's recipient and subject, an order's number. */
  summary: string;
}

/** A line about the payload; the payload itself (a whole email) stays in the table. */
function summarize(name: string, payload: string): string {
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    if (name === 'email.send') return `To ${String(p.to)}: ${String(p.subject)}`;
    if (name === 'order.expire') return `Order #${String(p.orderId)}`;
    if (name === 'campaign.fanout') return `Campaign #${String(p.campaignId)}, users after #${String(p.after)}`;
  } catch {
    // Not JSON: say nothing rather than fail the list.
  }
  return '';
}

export async function listJobs(db: Db, { status, page }: { status?: JobStatus; page: number }): Promise<Paged<JobEntry> & { counts: Record<JobStatus, number> }> {
  let query = db.selectFrom('jobs');
  if (status) query = query.where('status', '=', status);
  const [rows, total, byStatus] = await Promise.all([
    query
      .select(['id', 'name', 'key', 'status', 'attempts', 'lastError', 'runAt', 'createdAt', 'updatedAt', 'payload'])
      // The most recent trouble first.
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute(),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of byStatus) counts[row.status] = Number(row.n);
  const items = rows.map(({ payload, ...job }) => ({ ...job, summary: summarize(job.name, payload) }));
  return { items, total: Number(total.n), page, pageSize: PAGE_SIZE, counts };
}

/**
 * Puts a failed job back in the queue, due now, with its attempts counted afresh (its last
 * error stays until it succeeds). Returns the job's name.
 */
export async function retryJob(db: Db, jobId: number, now: number): Promise<string> {
  const updated = await db
    .updateTable('jobs')
    .set({ status: 'pending', runAt: now, attempts: 0, lockedUntil: null, updatedAt: now })
    .where('id', '=', jobId)
    .where('status', '=', 'failed')
    .returning('name')
    .executeTakeFirst();
  if (updated) return updated.name;
  const job = await db.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  if (!job) throw new JobError('JOB_NOT_FOUND', 'There is no such job.');
  throw new JobError('JOB_NOT_FAILED', `Job #${jobId} is ${job.status}; only failed jobs can be retried.`);
}

export const jobAdminRouter = router({
  list: adminProcedure
    .input(v.optional(v.object({ status: v.optional(v.picklist(JOB_STATUSES, `must be one of ${JOB_STATUSES.join(', ')}`)), page }), {}))
    .query(({ ctx, input }) => listJobs(ctx.db, input)),
  retry: adminProcedure.input(v.object({ id })).mutation(async ({ ctx, input }) => {
    const name = await retryJob(ctx.db, input.id, ctx.clock.now());
    ctx.metrics?.count('job.retried', name);
    return null;
  }),
});
