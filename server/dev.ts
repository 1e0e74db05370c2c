// `npm run dev`: rebuilds the client bundle on change (vite --watch) and restarts
// the Bun server when server, router, database or page code changes. The shop
// itself is the one Bun process. (bun --watch misses files compiled by our Solid
// plugin, so this watches the source folders itself.)
import { existsSync, rmSync, statSync, watch } from 'node:fs';
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

// One restart at a time; changes that arrive meanwhile fold into the next one.
let queue = Promise.resolve();
let queued = false;
const restart = (why: string) => {
  if (queued) return;
  queued = true;
  queue = queue.then(async () => {
    await Bun.sleep(150); // an editor's save can touch several files at once
    queued = false;
    console.log(`${why}: restarting the server`);
    server.kill();
    await server.exited;
    server = startServer();
  });
};
// Server-side code restarts at once. Pages (client/) are also compiled into the
// client bundle, whose hashed file names the server reads at start: for them the
// restart waits for Vite's new manifest. (Vite empties dist/client on each build,
// so the manifest is polled rather than watched.)
for (const dir of SOURCES.filter((d) => d !== 'client')) {
  watch(dir, { recursive: true }, (_event, file) => {
    if (file && /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)) restart(`changed ${dir}/${file}`);
  });
}
let built = statSync(manifest).mtimeMs;
setInterval(() => {
  const now = existsSync(manifest) ? statSync(manifest).mtimeMs : built;
  if (now > built) {
    built = now;
    restart('client rebuilt');
  }
}, 200);

const stop = () => {
  vite.kill();
  server.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await vite.exited;
stop();
