// The Worker entry: the same app as the Bun entry (createApp), built once per
// isolate from the edge adapters (edge/shop.ts): libSQL over HTTP, carts and order
// timers in Durable Objects, the client bundle from Workers static assets.
import type { ExportedHandler } from '@cloudflare/workers-types';
import type { MiddlewareHandler } from 'hono';
import manifest from 'gomall:client-manifest';
import { renderPage } from '../client/entry-server.tsx';
import { createApp, type App } from '../server/app.ts';
import { ConfigError } from '../routers/config.ts';
import { jobRunner, type JobRunner } from '../server/local/scheduler.ts';
import { assetsFromManifest } from '../server/ssr/manifest.ts';
import type { Env } from './env.ts';
import { edgeShop } from './shop.ts';

export { CartObject } from './cart-object.ts';
export { OrderTimer } from './order-timer.ts';

const assets = assetsFromManifest(manifest);
let shop: { app: App; jobs: JobRunner } | undefined;

function buildShop(env: Env) {
  // Jobs go to QStash (SCHEDULER=qstash) or to the jobs table in libSQL; the cron
  // trigger (wrangler.toml) runs the table's due ones in either case. Order timers
  // are OrderTimer Durable Objects unless ORDER_TIMERS=qstash (edge/shop.ts).
  const { deps, logger } = edgeShop(env);
  const app = createApp({ deps, logger, assets, render: renderPage, serveAssets: serveAssets(env) });
  return { app, jobs: jobRunner({ deps, logger }) };
}

// Static assets are served before the Worker runs; a request still reaching it is
// a file that does not exist, answered by the assets binding (404) all the same.
const serveAssets =
  (env: Env): MiddlewareHandler =>
  async (c) =>
    (await env.ASSETS.fetch(c.req.raw as unknown as Parameters<Env['ASSETS']['fetch']>[0])) as unknown as Response;

// Hono is typed with the DOM's Request and Response, workers-types with its own
// (same objects at run time); this is where the two meet.
type WorkerResponse = Awaited<ReturnType<NonNullable<ExportedHandler<Env>['fetch']>>>;
const toWorker = (response: Response) => response as unknown as WorkerResponse;

export default {
  async fetch(request, env, ctx) {
    try {
      shop ??= buildShop(env);
      return toWorker(await shop.app.fetch(request as unknown as Request, env, ctx));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`GoMall cannot start: ${error.message}`);
      return toWorker(new Response('The shop is not configured correctly.', { status: 500 }));
    }
  },
  async scheduled(_event, env, ctx) {
    shop ??= buildShop(env);
    ctx.waitUntil(shop.jobs.runDue());
  },
} satisfies ExportedHandler<Env>;
