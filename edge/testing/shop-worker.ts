// The shop's built Worker (dist/edge/worker.js) in workerd through Miniflare, for
// tests: CartObject and OrderTimer Durable Objects, static assets, libSQL over HTTP
// answered in-process by the Hrana stand-in over a migrated and seeded temp file,
// and (with `qstash`) the QStash stand-in reached through the Worker's outbound
// fetch. `failNext` makes one database request fail, as a network blip would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare';
import { openDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedCatalog } from '../../server/seed/catalog.ts';
import { createLibsqlHttpHandler } from '../../server/testing/libsql-http/handler.ts';
import { startQStashStandIn, type QStashStandIn } from '../../server/testing/qstash.ts';
import { buildWorker } from '../build.ts';
import { workerOptions } from './bundle.ts';

export const QSTASH_TOKEN = 'edge-qstash-token';
export const QSTASH_SIGNING_KEY = 'sig_edge_current';

export interface ShopWorkerOptions {
  /** Variables and secrets on top of the database's and SESSION_SECRET. */
  bindings?: Record<string, string>;
  /** Start the QStash stand-in and point the Worker's QSTASH_* at it (SCHEDULER stays as `bindings` say). */
  qstash?: boolean;
  /** Receives what the Worker writes to standard output (its request log), kept out of the test output. */
  onStdout?: (text: string) => void;
}

export interface ShopWorker {
  mf: Miniflare;
  /** Where the Worker sees itself (Miniflare passes requests on with its own address). */
  origin: string;
  /** The database file behind the libSQL stand-in. */
  dbPath: string;
  qstash?: QStashStandIn;
  /** The next database request whose body matches fails with a 503 (once). */
  failNext(match: (body: string) => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startShopWorker({ bindings = {}, qstash: withQStash = false, onStdout }: ShopWorkerOptions = {}): Promise<ShopWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'gomall-shop-worker-'));
  const dbPath = join(dir, 'remote.db');
  const [scriptPath] = await Promise.all([buildWorker(), seed(dbPath)]);
  const database = createLibsqlHttpHandler({ path: dbPath });
  const qstash = withQStash ? startQStashStandIn({ token: QSTASH_TOKEN, now: Date.now }) : undefined;
  const faults: { match: (body: string) => boolean; hit: () => void }[] = [];

  const mf = new Miniflare({
    ...workerOptions(scriptPath, { orderTimers: true }),
    assets: { directory: 'dist/client', binding: 'ASSETS', routerConfig: { has_user_worker: true } },
    bindings: {
      DATABASE_URL: 'http://db.test',
      DATABASE_AUTH_TOKEN: 'test-token',
      SESSION_SECRET: 'edge-test-secret-'.padEnd(40, 'x'),
      ...(qstash && { QSTASH_URL: qstash.url, QSTASH_TOKEN, QSTASH_CURRENT_SIGNING_KEY: QSTASH_SIGNING_KEY, QSTASH_NEXT_SIGNING_KEY: 'sig_edge_next' }),
      ...bindings,
    },
    // Request log lines stay out of the test output; errors do not.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      if (onStdout) stdout.on('data', (chunk) => onStdout(String(chunk)));
      stderr.pipe(process.stderr);
    },
    // Outbound: the QStash API (the stand-in) or the database.
    outboundService: async (request: MiniflareRequest) => {
      const body = request.method === 'GET' ? undefined : await request.text();
      const forwarded = new Request(request.url, { method: request.method, headers: [...request.headers], body });
      if (qstash && request.url.startsWith(qstash.url)) return relay(await fetch(forwarded));
      const fault = faults.find((f) => f.match(body ?? ''));
      if (fault) {
        faults.splice(faults.indexOf(fault), 1);
        fault.hit();
        return new MiniflareResponse('{"message":"injected fault","code":"UNAVAILABLE"}', { status: 503, headers: { 'content-type': 'application/json' } });
      }
      return relay(await database.handle(forwarded));
    },
  });
  const origin = (await mf.ready).origin;

  return {
    mf,
    origin,
    dbPath,
    qstash,
    failNext: (match) => new Promise((hit) => faults.push({ match, hit })),
    async close() {
      await mf.dispose();
      qstash?.stop();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const relay = async (res: Response) => new MiniflareResponse(await res.text(), { status: res.status, headers: Object.fromEntries(res.headers) });

async function seed(dbPath: string) {
  const { db } = await openDatabase(`file:${dbPath}`);
  await migrateToLatest(db);
  await seedCatalog(db, Date.now());
  await db.destroy();
}
