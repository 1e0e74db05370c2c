// `npm run dev:edge`: the Worker on local workerd (`wrangler dev`, under Node) with
// its Durable Objects and alarms, against the only stand-ins allowed here (Turso's
// and QStash's servers cannot run on this machine; both stand-ins speak the real wire
// format, proven with the official clients): the libSQL-over-HTTP stand-in over the
// embedded data/gomall.db (migrated and seeded like `npm run dev`), and a recording
// QStash stand-in that also delivers each message back to the Worker, signed, when
// due. Settings come from .dev.vars, or .dev.vars.example when there is none.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig } from '../../routers/config.ts';
import { consoleLogger } from '../../server/logger.ts';
import { systemClock } from '../../server/local/clock.ts';
import { prepareDatabase } from '../../server/local/shop.ts';
import { createLibsqlHttpHandler } from '../../server/testing/libsql-http/handler.ts';
import { startQStashStandIn } from '../../server/testing/qstash.ts';

/** The embedded file behind the libSQL stand-in (EDGE_DATABASE_FILE to use another). */
const DATABASE_FILE = process.env.EDGE_DATABASE_FILE || 'data/gomall.db';

/** KEY=value lines (dotenv without quotes or expansion), comments and blanks skipped. */
export function parseVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) vars[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

/** The port of a local http: URL (127.0.0.1 or localhost), or undefined for any other. */
export function localPort(url: string | undefined): number | undefined {
  if (!url) return undefined;
  const { protocol, hostname, port } = new URL(url);
  return protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(hostname) && port ? Number(port) : undefined;
}

if (import.meta.main) {
  const varsFile = existsSync('.dev.vars') ? '.dev.vars' : '.dev.vars.example';
  const vars = parseVars(readFileSync(varsFile, 'utf8'));
  console.log(`dev:edge: settings from ${varsFile}`);
  const stops: (() => unknown)[] = [];

  const dbPort = localPort(vars.DATABASE_URL);
  if (dbPort !== undefined) {
    // The embedded file, migrated and seeded as `npm run dev` does, then served over HTTP.
    const config = readConfig({ DATABASE_URL: `file:${DATABASE_FILE}`, SESSION_SECRET: 'x'.repeat(32) }, 'development');
    const { db } = await prepareDatabase(config, consoleLogger, systemClock);
    await db.destroy();
    const database = createLibsqlHttpHandler({ path: DATABASE_FILE });
    const server = Bun.serve({ port: dbPort, hostname: '127.0.0.1', fetch: (request) => database.handle(request) });
    stops.push(() => server.stop(true), () => database.close());
    console.log(`dev:edge: libSQL stand-in over ${DATABASE_FILE} on ${vars.DATABASE_URL}`);
  } else {
    console.log(`dev:edge: DATABASE_URL ${vars.DATABASE_URL} (not local): no libSQL stand-in started`);
  }

  const qstashPort = vars.SCHEDULER === 'qstash' || vars.ORDER_TIMERS === 'qstash' ? localPort(vars.QSTASH_URL) : undefined;
  if (qstashPort !== undefined && vars.QSTASH_TOKEN && vars.QSTASH_CURRENT_SIGNING_KEY) {
    const qstash = startQStashStandIn({ token: vars.QSTASH_TOKEN, now: Date.now, port: qstashPort });
    let seen = 0;
    // Delivers what fell due to the Worker (PUBLIC_URL/jobs/<name>), signed, once a second.
    const delivering = setInterval(async () => {
      for (const request of qstash.requests.slice(seen)) console.log(`qstash: ${request.method} ${request.path}`);
      seen = qstash.requests.length;
      const statuses = await qstash.deliverDue((request) => fetch(request), vars.QSTASH_CURRENT_SIGNING_KEY!).catch((error) => {
        console.error('qstash: delivery failed', error);
        return [];
      });
      if (statuses.length) console.log(`qstash: delivered ${statuses.length} message(s): ${statuses.join(' ')}`);
    }, 1000);
    stops.push(() => clearInterval(delivering), () => qstash.stop());
    console.log(`dev:edge: recording QStash stand-in on ${qstash.url}`);
  }

  // wrangler under Node (under Bun, `wrangler dev` hangs and leaves workerd behind);
  // it runs the [build] command (npm run build:edge) first and again on changes.
  const port = new URL(vars.PUBLIC_URL || 'http://localhost:8787').port || '8787';
  const wrangler = Bun.spawn(
    ['node', resolve('node_modules/wrangler/bin/wrangler.js'), 'dev', '--port', port, '--ip', '127.0.0.1', '--env-file', varsFile, ...process.argv.slice(2)],
    { stdio: ['inherit', 'inherit', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  const stop = async () => {
    wrangler.kill('SIGINT');
    await wrangler.exited;
    for (const fn of stops) await fn();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await wrangler.exited;
  await stop();
}
