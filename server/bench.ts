// `npm run bench`: load-tests the shop (production build, embedded database) with
// autocannon and reports each route's throughput as a ratio of a bare Bun.serve
// "hello" measured in the same run on the same machine. Ratios, not absolute
// numbers, are comparable between runs and machines.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSecret } from '../routers/config.ts';

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);

type Server = { url: string; stop(): void };

/** Starts a Bun process and waits for it to print "http://…:PORT". */
async function spawnServer(name: string, args: string[], env: Record<string, string> = {}): Promise<Server> {
  const proc = Bun.spawn([process.execPath, ...args], { env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'inherit' });
  const reader = proc.stdout.getReader();
  let text = '';
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${name} exited before listening:\n${text}`);
    text += new TextDecoder().decode(value);
    const url = /https?:\/\/[\w.]+:\d+/.exec(text)?.[0];
    if (url) {
      // Keep draining the request log so the child never blocks on a full pipe.
      void (async () => {
        while (!(await reader.read()).done);
      })();
      return { url, stop: () => proc.kill() };
    }
  }
}

async function measure(label: string, url: string) {
  process.stdout.write(`  ${label.padEnd(28)} `);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx || result.errors) throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  console.log(`${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`);
  return { label, rps: result.requests.average, p99: result.latency.p99 };
}

const dir = mkdtempSync(join(tmpdir(), 'gomall-bench-'));
console.log(`bench: ${SECONDS}s per route, ${CONNECTIONS} connections`);
const baseline = await spawnServer('baseline', [
  '-e',
  'const s = Bun.serve({ port: 0, fetch: () => new Response("hello") }); console.log(`http://localhost:${s.port}`);',
]);
console.log('starting the shop (production build, fresh seeded database)…');
const shop = await spawnServer('shop', ['--conditions=solid', 'server/main.ts'], {
  NODE_ENV: 'production',
  PORT: '0',
  DATABASE_URL: `file:${join(dir, 'bench.db')}`,
  SESSION_SECRET: randomSecret(),
});
try {
  const input = encodeURIComponent(JSON.stringify({ pageSize: 24 }));
  const results = [
    await measure('baseline: Bun.serve hello', baseline.url),
    await measure('GET /healthz', `${shop.url}/healthz`),
    await measure('tRPC product.list (24)', `${shop.url}/trpc/product.list?input=${input}`),
    await measure('tRPC product.search', `${shop.url}/trpc/product.search?input=${encodeURIComponent(JSON.stringify({ q: 'coffee' }))}`),
    await measure('SSR /category/apparel', `${shop.url}/category/apparel`),
    await measure('SSR /search?q=coffee', `${shop.url}/search?q=coffee`),
    await measure('SSR / (home)', `${shop.url}/`),
  ];
  const base = results[0]!.rps;
  console.log('\nroute                          req/s   ratio to baseline   p99 ms');
  for (const r of results) {
    console.log(`${r.label.padEnd(28)} ${String(Math.round(r.rps)).padStart(8)} ${(r.rps / base).toFixed(3).padStart(12)} ${String(r.p99).padStart(14)}`);
  }
} finally {
  baseline.stop();
  shop.stop();
  rmSync(dir, { recursive: true, force: true });
}
