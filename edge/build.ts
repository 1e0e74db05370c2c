// Bundles the Worker (edge/worker.ts) into dist/edge/worker.js: Solid JSX compiled
// for SSR by our Babel plugin (wrangler's esbuild cannot), workerd export
// conditions, and the client build's manifest inlined. Run after the client build:
// `npm run build:edge`.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BunPlugin } from 'bun';
import { solidPlugin } from '../server/solid-plugin.ts';

const CLIENT_DIR = 'dist/client';
const MANIFEST = resolve(CLIENT_DIR, '.vite/manifest.json');
export const WORKER_OUT_DIR = 'dist/edge';

// edge/worker.ts imports the manifest as `gomall:client-manifest` (edge/client-manifest.d.ts).
const clientManifest: BunPlugin = {
  name: 'client-manifest',
  setup(build) {
    build.onResolve({ filter: /^gomall:client-manifest$/ }, () => ({ path: MANIFEST }));
  },
};

export async function buildWorker(): Promise<string> {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run \`vite build\` first (npm run build:edge does).`);
  const result = await Bun.build({
    entrypoints: ['edge/worker.ts'],
    outdir: WORKER_OUT_DIR,
    naming: 'worker.js',
    target: 'browser',
    format: 'esm',
    conditions: ['workerd', 'worker', 'solid'],
    plugins: [clientManifest, solidPlugin('ssr')],
    external: ['cloudflare:*', 'node:*'],
    minify: { whitespace: true, syntax: true },
    sourcemap: 'linked',
  });
  if (!result.success) throw new AggregateError(result.logs, 'cannot bundle the Worker');
  // Hashed file names never change content: let browsers and the CDN keep them.
  writeFileSync(join(CLIENT_DIR, '_headers'), '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  // Vite's manifest is build metadata, not a file for the public; the precompressed twins
  // are for Bun and Deno (Cloudflare compresses by itself).
  writeFileSync(join(CLIENT_DIR, '.assetsignore'), '.vite\n*.br\n*.gz\n');
  return resolve(WORKER_OUT_DIR, 'worker.js');
}

if (import.meta.main) {
  const path = await buildWorker();
  console.log(`built ${path} (${(Bun.file(path).size / 1024).toFixed(0)} KiB)`);
}
