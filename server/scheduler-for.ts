// The Scheduler named by SCHEDULER: `local` (the default) keeps jobs in the jobs
// table for the in-process runner (or the Worker's cron trigger); `qstash` hands
// them to QStash, which calls POST /jobs/:name back when they are due. Either way
// the runner keeps going over the jobs table, so jobs queued before a switch still run.
import type { Db } from '../db/database.ts';
import type { Config } from '../routers/config.ts';
import type { Clock, Scheduler } from '../routers/ports.ts';
import { localScheduler } from './local/scheduler.ts';
import { qstashScheduler } from './qstash-scheduler.ts';

export function schedulerFor(config: Config, db: Db, clock: Clock): Scheduler {
  return config.scheduler === 'qstash' ? qstashScheduler({ db, clock, config }) : localScheduler(db, clock);
}
