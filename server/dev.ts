// `npm run dev`: rebuilds the client bundle on change (vite --watch) and restarts
// the Bun server when server, router, database or page code changes. The shop
// itself is the one Bun process. (bun --watch misses files compiled by our Solid
// plugin, so this watches the source folders itself.)
import { existsSync, rmSync, watch } from 'node:fs';
import { CLIENT_DIR } from './local/boot.ts';

const SOURCES = ['server', 'routers', 'db', 'client'];
const manifest = `${CLIENT_DIR}/.vite/manifest.json`;

rmSync(manifest, { force: true });
const vite = Bun.spawn(['node', 'node_modules/vite/bin/vite.js', 'build', '--watch', '--logLevel', 'warn'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
while (!existsSync(manifest)) await Bun.sleep(100);

const startServer = () =>
  Bun.spawn([process.execPath, '--conditions=solid', 'server/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
let server = startServer();

let timer: Timer | undefined;
// Debounced: an editor's save can touch several files at once.
const restart = (why: string) => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    console.log(`${why}: restarting the server`);
    server.kill();
    await server.exited;
    server = startServer();
  }, 150);
};
for (const dir of SOURCES) {
  watch(dir, { recursive: true }, (_event, file) => {
    if (file && /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)) restart(`changed ${dir}/${file}`);
  });
}
// A new client build has new hashed file names, which the server reads at start.
watch(`${CLIENT_DIR}/.vite`, () => restart('client rebuilt'));

const stop = () => {
  vite.kill();
  server.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await vite.exited;
stop();
