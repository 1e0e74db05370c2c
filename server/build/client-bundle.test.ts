// What a shopper's browser downloads, read from the client build that `npm test` makes
// first: no server code, no admin console, and within the byte budgets of issue 11.
import { describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { pageWeight, readManifest } from './client-weight.ts';
import { serverOnlyGuard, serverOnlyModules } from './server-only-guard.ts';

const CLIENT_DIR = 'dist/client';
const KB = 1024;

/** Every storefront page of the build ("home", "product", "content/about", …): its own chunk under client/pages/, admin and the dev mailbox aside. */
function storefrontPages(): string[] {
  return Object.keys(readManifest(CLIENT_DIR))
    .map((key) => /^client\/pages\/(.+)\.tsx$/.exec(key)?.[1])
    .filter((page): page is string => page !== undefined && !page.startsWith('admin/') && page !== 'mailbox');
}

describe('the client bundle', () => {
  it('splits the storefront into pages: each is its own chunk', () => {
    expect(storefrontPages()).toEqual(expect.arrayContaining(['home', 'category', 'product', 'search', 'cart', 'checkout']));
  });

  it('keeps a product page within 40 KB of JavaScript, gzipped', () => {
    const product = pageWeight(CLIENT_DIR, 'product');
    expect(product.chunks).toContain('client/pages/product.tsx');
    expect(product.js).toBeLessThanOrEqual(40 * KB);
  });

  it('keeps the first load of every storefront page within 60 KB (JavaScript and CSS, gzipped) and free of the admin console', () => {
    const over: string[] = [];
    for (const page of storefrontPages()) {
      const weight = pageWeight(CLIENT_DIR, page);
      if (weight.js + weight.css > 60 * KB) over.push(`${page}: ${((weight.js + weight.css) / KB).toFixed(1)} KB`);
      expect({ page, admin: weight.chunks.filter((key) => key.startsWith('client/pages/admin/')) }).toEqual({ page, admin: [] });
    }
    expect(over).toEqual([]);
  });

  it('names the server-only modules among a chunk’s modules: the query builder, the database drivers, db/', () => {
    const root = '/repo';
    const ids = [
      '/repo/node_modules/kysely/dist/esm/index.js',
      '/repo/node_modules/@libsql/client/lib-esm/web.js',
      '/repo/node_modules/libsql/index.js',
      '/repo/db/schema.ts',
      '/repo/client/pages/home.tsx',
      '/repo/routers/product/sort-order.ts',
      '/repo/node_modules/solid-js/dist/solid.js',
      '/repo/client/db-free/name.ts',
    ];
    expect(serverOnlyModules(ids, root)).toEqual(ids.slice(0, 4));
  });

  it('fails a client build that pulls in the query builder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomall-guard-'));
    try {
      const entry = join(dir, 'entry.ts');
      // By absolute path: the scratch entry sits outside the project's node_modules.
      writeFileSync(entry, `import { sql } from ${JSON.stringify(Bun.resolveSync('kysely', process.cwd()))};\nconsole.log(sql);\n`);
      const building = build({
        configFile: false,
        logLevel: 'silent',
        root: resolve('.'),
        plugins: [serverOnlyGuard(resolve('.'))],
        build: { write: false, rollupOptions: { input: entry } },
      });
      expect(building).rejects.toThrow(/server-only modules in the client bundle:[\s\S]*node_modules\/kysely/);
      await building.catch(() => {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
