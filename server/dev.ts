// `npm run dev`: rebuilds the client bundle on change (vite --watch) and restarts
// the Bun server on change (bun --watch). The shop itself is the one Bun process.
import { existsSync, rmSync } from 'node:fs';
import { CLIENT_DIR } from './local/boot.ts';

const manifest = `${CLIENT_DIR}/.vite/manifest.json`;
rmSync(manifest, { force: true });
const vite = Bun.spawn(['node', 'node_modules/vite/bin/vite.js', 'build', '--watch', '--logLevel', 'warn'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
while (!existsSync(manifest)) await Bun.sleep(100);

const server = Bun.spawn([process.execPath, '--watch', '--conditions=solid', 'server/main.ts'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NODE_ENV: 'development' },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    vite.kill();
    server.kill();
    process.exit(0);
  });
}
await Promise.race([vite.exited, server.exited]);
vite.kill();
server.kill();
