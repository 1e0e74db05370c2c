// OpenTelemetry traces, when OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set:
// one SERVER span per request ("POST /trpc/checkout.placeOrder"), a child span per
// tRPC procedure ("checkout.placeOrder", through the Tracing port) and per page render
// ("ssr.render"), and one per database statement ("db insert", from Kysely's log);
// each background job runs as a trace of its own, linked to the request that
// scheduled it. Spans go out in batches by OTLP over HTTP (JSON), with the standard
// OTEL_SERVICE_NAME and OTEL_TRACES_SAMPLER(_ARG). Without an endpoint none of this
// is built: no middleware, no async context, nothing per request.
//
// The SDK's global context manager is not used: the current span lives in an
// AsyncLocalStorage of our own (node:async_hooks, on Bun and Deno alike).
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Link, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import type { MiddlewareHandler } from 'hono';
import type { LogEvent } from 'kysely';
import type { OtelConfig } from '../routers/config.ts';
import type { Scheduler, Tracing } from '../routers/ports.ts';
import { statementKind } from './statement-kind.ts';
import { loggedPath } from './request-log.ts';
import { routeOf, type RouteVariables } from './route-name.ts';

export interface ShopTracing extends Tracing {
  /** The request span around everything after it (registered right after the request id). */
  middleware: MiddlewareHandler<{ Variables: RouteVariables }>;
  /** One finished database statement, as a child of the current span. */
  statement(event: LogEvent): void;
  /** Runs a job as a trace of its own, linked to the trace that scheduled it. */
  job<T>(name: string, scheduledBy: string | null | undefined, work: () => Promise<T>): Promise<T>;
  /** The scheduler, passing the current trace to the jobs it queues. */
  scheduler(scheduler: Scheduler): Scheduler;
  /** Sends the spans still buffered (tests; shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();
const headerGetter = { get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined, keys: (carrier: Headers) => [...carrier.keys()] };

function samplerFor({ sampler, samplerRatio }: OtelConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(samplerRatio);
  switch (sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

export function createTracing(config: OtelConfig): ShopTracing {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: samplerFor(config),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.tracesEndpoint, headers: config.headers }) })],
  });
  const tracer: Tracer = provider.getTracer('gomall');
  const current = new AsyncLocalStorage<OtelContext>();

  /** Runs `work` inside `span` (made current), ending it after; a throw marks it failed. */
  async function within<T>(span: Span, parent: OtelContext, work: () => Promise<T>): Promise<T> {
    try {
      return await current.run(trace.setSpan(parent, span), work);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }

  return {
    middleware: async (c, next) => {
      // A caller's traceparent (a load balancer, another service) makes this a child of its trace.
      const parent = propagator.extract(ROOT_CONTEXT, c.req.raw.headers, headerGetter);
      const span = tracer.startSpan(c.req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': c.req.method, 'url.path': loggedPath(c.req.url) } }, parent);
      c.set('traceId', span.spanContext().traceId);
      try {
        await current.run(trace.setSpan(parent, span), next);
      } finally {
        const route = routeOf(c);
        span.updateName(`${c.req.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': c.res.status, 'gomall.request_id': c.get('requestId') });
        if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },

    span(name, work) {
      const parent = current.getStore();
      // Work outside any request or job (the runner polling) is not traced.
      if (!parent) return work();
      return within(tracer.startSpan(name, {}, parent), parent, work);
    },

    statement(event) {
      const parent = current.getStore();
      if (!parent) return;
      const end = Date.now();
      const kind = statementKind(event.query.query.kind);
      const span = tracer.startSpan(
        `db ${kind}`,
        { kind: SpanKind.CLIENT, startTime: end - event.queryDurationMillis, attributes: { 'db.system.name': 'sqlite', 'db.operation.name': kind, 'db.query.text': event.query.sql } },
        parent,
      );
      if (event.level === 'error') {
        span.recordException(event.error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end(end);
    },

    job(name, scheduledBy, work) {
      const links: Link[] = [];
      if (scheduledBy) {
        const context = trace.getSpanContext(propagator.extract(ROOT_CONTEXT, new Headers({ traceparent: scheduledBy }), headerGetter));
        if (context) links.push({ context });
      }
      const span = tracer.startSpan(name, { kind: SpanKind.CONSUMER, links, attributes: { 'gomall.job': name } }, ROOT_CONTEXT);
      return within(span, ROOT_CONTEXT, work);
    },

    scheduler(scheduler) {
      return {
        schedule(job, payload, options) {
          const context = current.getStore();
          const span = context && trace.getSpan(context);
          if (!span || !span.spanContext().traceFlags) return scheduler.schedule(job, payload, options);
          const carrier = new Headers();
          propagator.inject(context, carrier, { set: (h, key, value) => h.set(key, value) });
          return scheduler.schedule(job, payload, { ...options, trace: carrier.get('traceparent') ?? undefined });
        },
        cancel: (key) => scheduler.cancel(key),
      };
    },

    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
