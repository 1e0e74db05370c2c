// What the operators of a running shop get, built once per process from the config:
// the logger (which also keeps the last errors for the admin dashboard), the
// Prometheus metrics (on when METRICS_TOKEN or METRICS_PORT is set; absent, nothing
// is measured), the traces (on when an OTLP endpoint is set: server/tracing.ts),
// the database statement timings and spans, and the count of queued jobs.
// prom-client and OpenTelemetry are loaded only when switched on: together they
// hold tens of megabytes a shop without them would carry for nothing.
import type { LogEvent } from 'kysely';
import type { Config } from '../routers/config.ts';
import type { Clock, Scheduler } from '../routers/ports.ts';
import type { Logger } from './logger.ts';
import type { ShopMetrics } from './metrics.ts';
import { errorRing } from './recent-errors.ts';
import { statementKind } from './statement-kind.ts';
import type { ShopTracing } from './tracing.ts';

export interface Observability {
  logger: Logger;
  metrics?: ShopMetrics;
  tracing?: ShopTracing;
  /** What AppDeps takes: the metrics and tracing ports and the recent errors. */
  deps: { metrics?: ShopMetrics; tracing?: ShopTracing; recentErrors: ReturnType<typeof errorRing> };
  /** Kysely's `log` option (db/client.ts): each statement's duration and span, when metrics or tracing are on. */
  databaseLog?: (event: LogEvent) => void;
  /** The scheduler, counting the jobs it queues and passing them the current trace. */
  scheduler(scheduler: Scheduler): Scheduler;
  /** Sends what is still buffered (spans) and stops. */
  shutdown(): Promise<void>;
}

export async function observability(config: Config, logger: Logger, clock?: Clock): Promise<Observability> {
  const recentErrors = errorRing(50, clock && (() => clock.now()));
  const metrics = config.metricsToken || config.metricsPort !== undefined ? (await import('./metrics.ts')).createMetrics() : undefined;
  const tracing = config.otel && (await import('./tracing.ts')).createTracing(config.otel);
  const timing = metrics && ((event: LogEvent) => metrics.query(statementKind(event.query.query.kind), event.queryDurationMillis / 1000));
  const databaseLog =
    timing && tracing
      ? (event: LogEvent) => {
          timing(event);
          tracing.statement(event);
        }
      : (timing ?? tracing?.statement);
  return {
    logger: recentErrors.watch(logger),
    metrics,
    tracing,
    deps: { metrics, tracing, recentErrors },
    databaseLog,
    scheduler(scheduler) {
      const traced = tracing ? tracing.scheduler(scheduler) : scheduler;
      return metrics ? countingScheduler(traced, metrics) : traced;
    },
    shutdown: async () => void (await tracing?.shutdown()),
  };
}

function countingScheduler(scheduler: Scheduler, metrics: ShopMetrics): Scheduler {
  return {
    async schedule(job, payload, options) {
      await scheduler.schedule(job, payload, options);
      metrics.count('job.queued', job);
    },
    cancel: (key) => scheduler.cancel(key),
  };
}
