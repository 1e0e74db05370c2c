// A complete shop for one test file: fresh temporary database (migrated and
// seeded), the real app, a manual clock, and helpers to call it in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller } from '../../routers/index.ts';
import { createApp } from '../app.ts';
import { readConfig, type Mode } from '../config.ts';
import { createContext, type SessionUser } from '../context.ts';
import { localCartStore } from '../local/cart-store.ts';
import { loadRenderer, prepareDatabase, readClientAssets } from '../local/boot.ts';
import { manualClock } from './clock.ts';
import { recordingLogger } from './logger.ts';

export interface TestShopOptions {
  mode?: Mode;
  env?: Record<string, string>;
}

export async function createTestShop({ mode = 'test', env = {} }: TestShopOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gomall-test-'));
  const config = readConfig({ DATABASE_URL: `file:${join(dir, 'shop.db')}`, ...env }, mode);
  const logger = recordingLogger();
  const clock = manualClock();
  const { db } = await prepareDatabase(config, logger, clock);
  const carts = localCartStore(db, clock);
  const deps = { db, carts, clock, config };
  const app = createApp({ deps, logger, assets: readClientAssets(), render: await loadRenderer(false) });
  return {
    app,
    db,
    carts,
    clock,
    config,
    logger,
    /** A request context as the HTTP layer builds it, for domain functions that take one. */
    context(session: SessionUser | null = null, reqHeaders = new Headers()) {
      return { ...createContext(deps, 'test', reqHeaders), session };
    },
    /** Calls procedures in-process, as the given user (or signed out). */
    caller(session: SessionUser | null = null) {
      return createCaller({ ...createContext(deps, 'test'), session });
    },
    /** A request through the whole HTTP stack, without a socket. */
    fetch(path: string, init?: RequestInit) {
      return app.fetch(new Request(`http://localhost${path}`, init));
    },
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestShop = Awaited<ReturnType<typeof createTestShop>>;
