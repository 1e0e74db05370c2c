// Deno entry: `npm run start:deno` (or `deno task start`) serves the production shop
// under Deno 2: the same app, SSR bundle and routers as `npm start` on Bun, through
// Deno.serve and hono/deno's static files. Data in the embedded libSQL file by
// default, or libSQL over HTTP by DATABASE_URL; carts in the database; the local
// job runner or QStash (SCHEDULER). Needs the built bundles (`npm run build:app`).
import { getConnInfo, serveStatic } from 'hono/deno';
import { ConfigError, readConfig } from '../routers/config.ts';
import { jobPollMsFrom, startShop, type ServerRuntime } from './local/shop.ts';
import { createLogger } from './logger.ts';

/** The parts of the Deno namespace used here (the project's types are Bun's and Node's). */
declare const Deno: {
  serve(
    options: { port: number; hostname?: string; onListen?: (address: { port: number }) => void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): { addr: { port: number }; shutdown(): Promise<void> };
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  env: { toObject(): Record<string, string> };
  exit(code: number): never;
};

export const denoRuntime: ServerRuntime = {
  async serve(port, fetch, hostname) {
    // Our own "listening on" line below, not Deno's.
    const server = Deno.serve({ port, ...(hostname && { hostname }), onListen: () => {} }, fetch);
    return { port: server.addr.port, stop: () => server.shutdown() };
  },
  serveStatic: (options) => serveStatic(options),
  clientAddress: (c) => getConnInfo(c).remote.address,
};

const env = Deno.env.toObject();
const { config, shop } = await start().catch((error) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`GoMall cannot start: ${error.message}`);
  Deno.exit(1);
});
console.log(`GoMall (${config.mode}, Deno) listening on ${shop.url}`);

async function start() {
  // Always production: the pages come from the SSR bundle (the Solid source needs Bun's plugin).
  const config = readConfig(env, 'production');
  return { config, shop: await startShop(denoRuntime, { config, logger: createLogger(config.logFormat), jobPollMs: jobPollMsFrom(env) }) };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  Deno.addSignalListener(signal, async () => {
    await shop.stop();
    Deno.exit(0);
  });
}
