// Starts the shop on Bun: opens the database (migrating and seeding an embedded
// file on first start), builds the app and serves it. Used by main.ts and by tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConnInfo, serveStatic } from 'hono/bun';
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

export const CLIENT_DIR = 'dist/client';
const SERVER_BUNDLE = 'dist/server/entry-server.js';

export interface BootOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
}

export async function prepareDatabase(config: Config, logger: Logger, clock: Clock) {
  const handle = await openDatabase(config.databaseUrl, config.databaseAuthToken);
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
    return (await import(join(process.cwd(), SERVER_BUNDLE))).renderPage;
  } catch (error) {
    throw new ConfigError(`Cannot load ${SERVER_BUNDLE}: run \`npm run build\` first.`, { cause: error });
  }
}

export async function boot({ config, logger, clock = systemClock }: BootOptions) {
  const assets = readClientAssets();
  const render = await loadRenderer(config.mode === 'production');
  const { db } = await prepareDatabase(config, logger, clock);
  const mail = mailTransportFor(config, db, clock, logger);
  const deps = { db, carts: localCartStore(db, clock), scheduler: schedulerFor(config, db, clock), mail, clock, config };
  // Started whatever SCHEDULER says: jobs already in the jobs table still run.
  const jobs = jobRunner({ deps, logger });
  const app = createApp({
    deps,
    logger,
    assets,
    render,
    serveAssets: serveStatic({
      root: CLIENT_DIR,
      // File names carry a content hash, so a file never changes once served.
      onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
    clientAddress: (c) => getConnInfo(c).remote.address,
  });
  const server = Bun.serve({ port: config.port, fetch: app.fetch });
  // Jobs that fell due while the shop was down run now, then as they fall due.
  jobs.start();
  return {
    app,
    db,
    jobs,
    url: `http://localhost:${server.port}`,
    async stop() {
      await server.stop(true);
      await jobs.stop();
      await db.destroy();
    },
  };
}
