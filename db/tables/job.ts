// The local scheduler's durable jobs: due jobs survive a restart and run at the next start.
import type { ColumnType, Generated } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobTable {
  id: Generated<number>;
  name: string;
  /** JSON. */
  payload: string;
  /** The caller's key: scheduling the same key again keeps one job; cancel(key) finds it. */
  key: string | null;
  runAt: number;
  status: JobStatus;
  attempts: Generated<number>;
  lastError: string | null;
  /** While a runner holds the job; a crashed runner's job is taken again after this. */
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
  /** The W3C traceparent of the request that queued the job, when traced (optional on insert). */
  traceparent: ColumnType<string | null, string | null | undefined, string | null>;
}
