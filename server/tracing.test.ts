// OpenTelemetry traces through the standard OTEL_* variables, received by a recording
// OTLP/HTTP collector on this machine: the spans of one checkout (request →
// checkout.placeOrder → database statements), the order.expire job as a trace of its
// own linked to that request, page renders, the trace id in the JSON log; and no
// spans at all when the sampler says so or no endpoint is set.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readConfig } from '../routers/config.ts';
import { createTestShop, type TestShop } from './testing/test-shop.ts';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  links?: { traceId: string; spanId: string }[];
  attributes?: { key: string; value: Record<string, unknown> }[];
  status?: { code?: number };
}

/** An OTLP/HTTP collector that keeps every span POSTed to /v1/traces (JSON). */
function recordingCollector() {
  const spans: OtlpSpan[] = [];
  const services = new Set<string>();
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/v1/traces') return new Response('no', { status: 404 });
      const body = (await request.json()) as any;
      for (const resource of body.resourceSpans ?? []) {
        for (const attribute of resource.resource?.attributes ?? []) if (attribute.key === 'service.name') services.add(attribute.value.stringValue);
        for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
      }
      return Response.json({});
    },
  });
  return { spans, services, url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };

describe('traces', () => {
  let collector: ReturnType<typeof recordingCollector>;
  let shop: TestShop;
  beforeAll(async () => {
    collector = recordingCollector();
    shop = await createTestShop({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'gomall-test', LOG_FORMAT: 'json' } });
  });
  afterAll(async () => {
    await shop.close();
    collector.stop();
  });

  it('follow one checkout: request → checkout.placeOrder → its statements, and the order.expire job linked to it', async () => {
    const { cookie } = await shop.register();
    const { id: productId } = await shop.db.selectFrom('products').select('id').where('stock', '>=', 5).where('active', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    expect((await shop.mutate('cart.add', { productId, quantity: 1 }, cookie)).status).toBe(200);
    const res = await shop.mutate('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email: 'ada@example.com', shippingAddress: ADDRESS }, cookie);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id')!;
    shop.clock.advance(shop.config.orderPaymentTimeoutSeconds * 1000 + 1);
    await shop.jobs.runDue();
    await shop.tracing!.flush();

    expect([...collector.services]).toEqual(['gomall-test']);
    const request = collector.spans.find((s) => s.name === 'POST /trpc/checkout.placeOrder')!;
    expect(request).toBeDefined();
    expect(request.parentSpanId ?? '').toBe('');
    expect(request.kind).toBe(2); // SERVER
    expect(attribute(request, 'http.route')).toBe('/trpc/checkout.placeOrder');
    expect(attribute(request, 'http.response.status_code')).toBe(200);
    expect(attribute(request, 'gomall.request_id')).toBe(requestId);

    const procedure = collector.spans.find((s) => s.name === 'checkout.placeOrder')!;
    expect({ traceId: procedure.traceId, parent: procedure.parentSpanId }).toEqual({ traceId: request.traceId, parent: request.spanId });
    const statements = collector.spans.filter((s) => s.parentSpanId === procedure.spanId && s.name.startsWith('db '));
    expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['db select', 'db update', 'db insert']));
    expect(statements.some((s) => String(attribute(s, 'db.query.text')).startsWith('insert into "orders"'))).toBe(true);
    // Parameters never go into a span: only the statement with its placeholders.
    expect(statements.every((s) => !String(attribute(s, 'db.query.text')).includes('ada@example.com'))).toBe(true);

    const job = collector.spans.find((s) => s.name === 'order.expire')!;
    expect(job).toBeDefined();
    expect(job.traceId).not.toBe(request.traceId);
    expect(job.parentSpanId ?? '').toBe('');
    expect(job.links?.map((l) => l.traceId)).toEqual([request.traceId]);
    expect(collector.spans.some((s) => s.traceId === job.traceId && s.name === 'db update')).toBe(true);

    // The JSON log line of the request carries the same trace id.
    const line = shop.logger.written.map((l) => JSON.parse(l)).find((l) => l.requestId === requestId && l.level === 'info');
    expect(line.traceId).toBe(request.traceId);
  });

  it('give a page its render span, with the page data calls inside it', async () => {
    const res = await shop.fetch('/');
    expect(res.status).toBe(200);
    await shop.tracing!.flush();
    const request = collector.spans.find((s) => attribute(s, 'gomall.request_id') === res.headers.get('x-request-id'))!;
    expect(request.name).toBe('GET /');
    const render = collector.spans.find((s) => s.name === 'ssr.render' && s.parentSpanId === request.spanId)!;
    expect(render).toBeDefined();
    expect(collector.spans.some((s) => s.name === 'product.categories' && s.parentSpanId === render.spanId)).toBe(true);
  });

  it('continue a trace the caller started (traceparent)', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await shop.fetch('/healthz', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    await shop.tracing!.flush();
    expect(collector.spans.find((s) => s.name === 'GET /healthz')).toMatchObject({ traceId, parentSpanId: '00f067aa0ba902b7' });
  });
});

describe('traces switched off', () => {
  it('send nothing when the sampler says always_off', async () => {
    const collector = recordingCollector();
    const shop = await createTestShop({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_SAMPLER: 'always_off' } });
    try {
      await shop.fetch('/');
      await shop.fetch('/trpc/product.categories');
      await shop.tracing!.flush();
      expect(collector.spans).toEqual([]);
    } finally {
      await shop.close();
      collector.stop();
    }
  });

  it('build nothing without an endpoint', async () => {
    const shop = await createTestShop();
    try {
      expect(shop.tracing).toBeUndefined();
      const res = await shop.fetch('/trpc/product.categories');
      const id = res.headers.get('x-request-id')!;
      expect(shop.logger.infos.find((l) => l.fields?.requestId === id)?.fields?.traceId).toBeUndefined();
    } finally {
      await shop.close();
    }
  });

  it('read the standard variables', () => {
    expect(readConfig({}).otel).toBeUndefined();
    expect(readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otel).toEqual({
      tracesEndpoint: 'http://collector:4318/v1/traces',
      serviceName: 'gomall',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      headers: {},
    });
    expect(
      readConfig({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example/v1/traces',
        OTEL_SERVICE_NAME: 'shop',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-team=ops',
      }).otel,
    ).toEqual({ tracesEndpoint: 'https://otlp.example/v1/traces', serviceName: 'shop', sampler: 'parentbased_traceidratio', samplerRatio: 0.25, headers: { authorization: 'Bearer abc', 'x-team': 'ops' } });
    expect(readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).otel).toBeUndefined();
    expect(() => readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER must be one of/);
  });
});
