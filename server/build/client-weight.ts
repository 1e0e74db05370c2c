// What a page makes the browser download: the client entry, the chunks it
// imports, the page's own lazily loaded chunk if it has one, and their CSS, read
// from Vite's manifest in dist/client, gzipped as a server would send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface PageWeight {
  /** Gzipped bytes. */
  js: number;
  css: number;
  files: string[];
  /** The manifest keys of the chunks fetched (source paths, "_name.js" for shared chunks). */
  chunks: string[];
}

export function readManifest(clientDir: string): Record<string, Chunk> {
  return JSON.parse(readFileSync(join(clientDir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
}

export function pageWeight(clientDir: string, page: string): PageWeight {
  const manifest = readManifest(clientDir);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the client manifest has no entry: run `npm run build:app`');
  const keys = new Set<string>();
  const visit = (key: string) => {
    if (keys.has(key) || !manifest[key]) return;
    keys.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  visit(entryKey);
  // A page split into its own chunk (a lazy route) is fetched on that page too.
  const pageKey = Object.keys(manifest).find((k) => k.endsWith(`pages/${page}.tsx`));
  if (pageKey) visit(pageKey);
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of keys) {
    js.add(manifest[key]!.file);
    for (const file of manifest[key]!.css ?? []) css.add(file);
  }
  const gz = (file: string) => gzipSync(readFileSync(join(clientDir, file))).length;
  return {
    js: [...js].reduce((sum, f) => sum + gz(f), 0),
    css: [...css].reduce((sum, f) => sum + gz(f), 0),
    files: [...js, ...css],
    chunks: [...keys],
  };
}
