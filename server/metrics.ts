// The shop's Prometheus metrics, one set per process, and GET /metrics.
//
// The exposition format comes from prom-client (github.com/siimon/prom-client): the
// Prometheus client most Node services use, kept up to date, plain JavaScript with
// no native parts, so it runs unchanged on Bun and on Deno 2 (server/metrics.test.ts runs
// it under Bun; the Deno entry serves the same /metrics). @opentelemetry's Prometheus
// exporter was the other candidate: it brings the whole metrics SDK and its own HTTP
// server (node:http) for one text format.
// Each shop gets its own Registry (not prom-client's global one), so two shops in one
// process (tests) never share counts. Updating a counter or histogram is a map lookup
// and an addition (well under a microsecond), cheap enough for every request.
import { Counter, Histogram, Registry } from 'prom-client';
import type { MetricEvent, Metrics } from '../routers/ports.ts';
import type { RequestObserver } from './request-log.ts';

export interface ShopMetrics extends Metrics, RequestObserver {
  /** One database statement (Kysely's log), by kind: select, insert, update, delete, raw, other. */
  query(statement: string, seconds: number): void;
  /** The Prometheus text exposition of every metric. */
  exposition(): Promise<string>;
  readonly contentType: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// Seconds; pages and API calls of the shop take milliseconds, a slow one a second or more.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export function createMetrics(): ShopMetrics {
  const registry = new Registry();
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Counter<L>({ name, help, labelNames, registers });

  const requests = counter('gomall_http_requests_total', 'HTTP requests by method, route template and status.', ['method', 'route', 'status']);
  const latency = new Histogram({
    name: 'gomall_http_request_duration_seconds',
    help: 'HTTP request duration by method and route template, in seconds.',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const procedures = counter('gomall_trpc_calls_total', 'tRPC procedure calls (HTTP and server renders) by procedure and result: OK or the tRPC error code.', [
    'procedure',
    'code',
  ]);
  const placed = counter('gomall_orders_placed_total', 'Orders placed.');
  const paid = counter('gomall_orders_paid_total', 'Orders paid.');
  const cancelled = counter('gomall_orders_cancelled_total', 'Orders cancelled before payment, by reason (timeout, shopper).', ['reason']);
  const payments = counter('gomall_payments_total', 'Card payments by outcome: succeeded or the decline code.', ['outcome']);
  const cartAdds = counter('gomall_cart_adds_total', 'Products added to carts.');
  const queued = counter('gomall_jobs_queued_total', 'Background jobs queued, by job name.', ['job']);
  const runs = counter('gomall_jobs_run_total', 'Background job runs (attempts), by job name and outcome (succeeded, failed).', ['job', 'outcome']);
  const retried = counter('gomall_jobs_retried_total', 'Failed job attempts queued again (with backoff, or by an admin), by job name.', ['job']);
  const givenUp = counter('gomall_jobs_given_up_total', 'Jobs that used up their attempts and stay failed, by job name.', ['job']);
  const queries = new Histogram({
    name: 'gomall_db_query_duration_seconds',
    help: 'Database statement duration by kind (select, insert, update, delete, raw, other), in seconds.',
    labelNames: ['statement'],
    buckets: QUERY_BUCKETS,
    registers,
  });

  const events: Record<MetricEvent, (label: string) => void> = {
    'order.placed': () => placed.inc(),
    'order.paid': () => paid.inc(),
    'order.cancelled': (reason) => cancelled.inc({ reason }),
    payment: (outcome) => payments.inc({ outcome }),
    'cart.add': () => cartAdds.inc(),
    'job.queued': (job) => queued.inc({ job }),
    'job.succeeded': (job) => runs.inc({ job, outcome: 'succeeded' }),
    'job.failed': (job) => runs.inc({ job, outcome: 'failed' }),
    'job.retried': (job) => retried.inc({ job }),
    'job.given_up': (job) => givenUp.inc({ job }),
  };

  return {
    request(method, route, status, seconds) {
      const m = METHODS.has(method) ? method : 'OTHER';
      requests.inc({ method: m, route, status: String(status) });
      latency.observe({ method: m, route }, seconds);
    },
    procedure: (procedure, code) => procedures.inc({ procedure, code }),
    count: (event, label = '') => events[event](label),
    query: (statement, seconds) => queries.observe({ statement }, seconds),
    exposition: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
