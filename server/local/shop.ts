// Starts the shop on one server process, whatever the runtime (Bun: boot.ts, Deno:
// server/deno.ts): opens the database (migrating and seeding an embedded file on
// first start), builds the app, serves it through the runtime's own server and
// starts the job runner. Only serving and static files differ between runtimes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { openDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedAdmin } from '../seed/admin.ts';
import { seedCatalog } from '../seed/catalog.ts';
import { createApp, type AppOptions } from '../app.ts';
import { ConfigError, type Config } from '../../routers/config.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../../routers/ports.ts';
import { assetsFromManifest } from '../ssr/manifest.ts';
import { localCartStore } from './cart-store.ts';
import { jobRunner } from './scheduler.ts';
import { schedulerFor } from '../scheduler-for.ts';
import { mailTransportFor } from '../mail/transports.ts';
import { systemClock } from './clock.ts';
import { metricsOnly } from '../metrics-endpoint.ts';
import { observability, type Observability } from '../observability.ts';

export const CLIENT_DIR = 'dist/client';
const SERVER_BUNDLE = 'dist/server/entry-server.js';

/** The runtime's part: its HTTP server, its static files and where a request came from. */
export interface ServerRuntime {
  /** Serves `fetch` on `port` (0: any free port), on every interface unless `hostname` says one; resolves once listening. */
  serve(
    port: number,
    fetch: (request: Request, info?: unknown) => Response | Promise<Response>,
    hostname?: string,
  ): Promise<{ port: number; stop(): Promise<void> }>;
  /**
   * Serves files under `root` (the client build), passing `onFound` each one it serves;
   * `precompressed`: a file's .br or .gz twin when the client accepts that encoding. */
  serveStatic(options: { root: string; precompressed: boolean; onFound: (path: string, c: HonoContext) => void }): MiddlewareHandler;
  clientAddress(c: HonoContext): string | undefined;
}

export interface BootOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** The job runner's polling interval (JOB_POLL_MS; default 1000). */
  jobPollMs?: number;
}

export async function prepareDatabase(config: Config, logger: Logger, clock: Clock, databaseLog?: Observability['databaseLog']) {
  const handle = await openDatabase(config.databaseUrl, config.databaseAuthToken, { log: databaseLog, synchronous: config.databaseSynchronous });
  if (handle.embedded) {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) logger.info(`migrated: ${applied.join(', ')}`);
    const empty = !(await handle.db.selectFrom('categories').select('id').limit(1).executeTakeFirst());
    if (empty) {
      const { products } = await seedCatalog(handle.db, clock.now());
      logger.info(`seeded ${products} products`);
    }
    await seedAdmin(handle.db, config, logger, clock.now());
  }
  return handle;
}

export function readClientAssets() {
  const path = join(CLIENT_DIR, '.vite/manifest.json');
  try {
    return assetsFromManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ConfigError(`Cannot read ${path}: run \`npm run build\` first.`, { cause: error });
  }
}

/** The page renderer: the prebuilt SSR bundle (production start) or the Solid source. */
export async function loadRenderer(fromBundle: boolean): Promise<AppOptions['render']> {
  if (!fromBundle) return (await import('../../client/entry-server.tsx')).renderPage;
  try {
    return (await import(pathToFileURL(join(process.cwd(), SERVER_BUNDLE)).href)).renderPage;
  } catch (error) {
    throw new ConfigError(`Cannot load ${SERVER_BUNDLE}: run \`npm run build\` first.`, { cause: error });
  }
}

/** JOB_POLL_MS: how often the job runner looks for due jobs (tests shorten it). */
export function jobPollMsFrom(env: Record<string, string | undefined>): number | undefined {
  const raw = env.JOB_POLL_MS;
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 10) throw new ConfigError(`JOB_POLL_MS must be a whole number of milliseconds, at least 10 (got "${raw}")`);
  return ms;
}

export async function startShop(runtime: ServerRuntime, { config, logger: given, clock = systemClock, jobPollMs }: BootOptions) {
  // Metrics (METRICS_TOKEN / METRICS_PORT), traces (OTEL_*), the recent errors of the admin dashboard.
  const ops = await observability(config, given);
  const { logger } = ops;
  const assets = readClientAssets();
  const render = await loadRenderer(config.mode === 'production');
  const { db } = await prepareDatabase(config, logger, clock, ops.databaseLog);
  const mail = mailTransportFor(config, db, clock, logger);
  const deps = { db, carts: localCartStore(db, clock), scheduler: ops.scheduler(schedulerFor(config, db, clock)), mail, clock, config, ...ops.deps };
  // Started whatever SCHEDULER says: jobs already in the jobs table still run.
  const jobs = jobRunner({ deps, logger, tracing: ops.tracing });
  const app = createApp({
    deps,
    logger,
    assets,
    render,
    serveAssets: runtime.serveStatic({
      root: CLIENT_DIR,
      // The build writes a brotli and a gzip copy of each file (vite.config.ts).
      precompressed: true,
      // File names carry a content hash, so a file never changes once served.
      onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
    // Icons and the web app manifest keep their names across builds: cached for a day.
    servePublic: runtime.serveStatic({
      root: CLIENT_DIR,
      precompressed: true,
      onFound: (_path, c) => c.header('cache-control', 'public, max-age=86400'),
    }),
    // The Worker's platform compresses its responses; these runtimes do it here.
    compress: true,
    clientAddress: runtime.clientAddress,
    metrics: ops.metrics,
    tracing: ops.tracing,
  });
  const server = await runtime.serve(config.port, app.fetch);
  // METRICS_PORT: /metrics without a token, reachable from this machine only.
  const metricsServer = ops.metrics && config.metricsPort !== undefined ? await runtime.serve(config.metricsPort, metricsOnly(ops.metrics), '127.0.0.1') : undefined;
  // Jobs that fell due while the shop was down run now, then as they fall due.
  jobs.start(jobPollMs);
  return {
    app,
    db,
    jobs,
    url: `http://localhost:${server.port}`,
    metricsUrl: metricsServer && `http://127.0.0.1:${metricsServer.port}/metrics`,
    async stop() {
      await server.stop();
      await metricsServer?.stop();
      await jobs.stop();
      await ops.shutdown();
      await db.destroy();
    },
  };
}

export type Shop = Awaited<ReturnType<typeof startShop>>;
