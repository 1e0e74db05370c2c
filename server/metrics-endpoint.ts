// GET /metrics: the exposition of the process's metrics (server/metrics.ts), behind a
// bearer token on the shop's port or alone on a localhost port. Kept apart from
// metrics.ts so the app (and the Worker bundle) never loads prom-client itself.
import type { Handler } from 'hono';
import type { ShopMetrics } from './metrics.ts';
import { plainText } from './plain-text.ts';

/**
 * GET /metrics on the shop's own port: only with `Authorization: Bearer <METRICS_TOKEN>`
 * (401 otherwise), and 404 while no token is set (METRICS_PORT serves them without one,
 * on 127.0.0.1 only: metricsOnly below).
 */
export function metricsEndpoint(metrics: ShopMetrics | undefined, token: string | undefined): Handler {
  const expected = token && new TextEncoder().encode(`Bearer ${token}`);
  return async (c) => {
    if (!metrics || !expected) return plainText('Not found', 404);
    const given = new TextEncoder().encode(c.req.header('authorization') ?? '');
    if (!sameBytes(given, expected)) {
      return new Response('A bearer token is needed for the metrics.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' } });
    }
    return exposition(metrics);
  };
}

/** The handler of the METRICS_PORT listener: /metrics, nothing else. */
export function metricsOnly(metrics: ShopMetrics) {
  return (request: Request) => (new URL(request.url).pathname === '/metrics' && request.method === 'GET' ? exposition(metrics) : plainText('Not found', 404));
}

async function exposition(metrics: ShopMetrics): Promise<Response> {
  return new Response(await metrics.exposition(), { headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' } });
}

/** Compares without stopping at the first difference, so the time taken says nothing about the token. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ b[i]!;
  return diff === 0;
}
