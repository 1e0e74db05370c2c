// Starts the shop on Bun (Bun.serve, hono/bun's static files and connection info):
// the runtime-agnostic start is shop.ts. Used by main.ts and by tests.
import { getConnInfo, serveStatic } from 'hono/bun';
import { startShop, type BootOptions, type ServerRuntime } from './shop.ts';

export { CLIENT_DIR, loadRenderer, prepareDatabase, readClientAssets, type BootOptions } from './shop.ts';

export const bunRuntime: ServerRuntime = {
  async serve(port, fetch, hostname) {
    const server = Bun.serve({ port, fetch, ...(hostname && { hostname }) });
    return { port: server.port!, stop: () => server.stop(true) };
  },
  serveStatic: (options) => serveStatic(options),
  clientAddress: (c) => getConnInfo(c).remote.address,
};

export const boot = (options: BootOptions) => startShop(bunRuntime, options);
