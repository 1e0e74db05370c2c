// wrangler.toml and what wrangler makes of it (run under Node, as always): the
// checked-in Env is what `npm run types` generates now, and `wrangler deploy
// --dry-run` takes the built Worker with both Durable Object classes.
import { describe, expect, it } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWorker } from './build.ts';
import { localPort, parseVars } from './testing/dev.ts';
import { ENV_TYPES, generateEnvTypes } from './types.ts';

// Started at once: wrangler types takes a few seconds, in parallel with the dry run.
const generated = generateEnvTypes();
const config = Bun.TOML.parse(readFileSync('wrangler.toml', 'utf8')) as {
  durable_objects: { bindings: { name: string; class_name: string }[] };
  migrations: { tag: string; new_sqlite_classes?: string[] }[];
};

describe('wrangler.toml', () => {
  it(`types the Worker's Env as \`npm run types\` generates it now (${ENV_TYPES})`, async () => {
    const fresh = await generated;
    // On failure: run `npm run types` and commit the file.
    expect(readFileSync(ENV_TYPES, 'utf8')).toBe(fresh);
    expect(fresh).toContain("ORDER_TIMER: DurableObjectNamespace<import('./worker.ts').OrderTimer>;");
  }, 30_000);

  it('names every secret in its comments, each with a local value in .dev.vars.example for `npm run dev:edge`', () => {
    const toml = readFileSync('wrangler.toml', 'utf8');
    const secrets = [...toml.matchAll(/^#\s+([A-Z][A-Z0-9_]+)\s{2,}/gm)].map((m) => m[1]!);
    expect(secrets).toEqual(['SESSION_SECRET', 'DATABASE_AUTH_TOKEN', 'QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY', 'MAIL_API_KEY']);
    const local = parseVars(readFileSync('.dev.vars.example', 'utf8'));
    expect(secrets.filter((name) => !(name in local))).toEqual([]);
    expect(local.SESSION_SECRET!.length).toBeGreaterThanOrEqual(32);
    // The stand-ins dev:edge starts: local addresses only.
    expect(localPort(local.DATABASE_URL)).toBeNumber();
    expect(localPort(local.QSTASH_URL)).toBeNumber();
    expect(localPort('libsql://gomall.example.turso.io')).toBeUndefined();
  });

  it('binds CART and ORDER_TIMER, each class created by its own SQLite migration (v1 kept as deployed)', () => {
    expect(config.durable_objects.bindings).toEqual([
      { name: 'CART', class_name: 'CartObject' },
      { name: 'ORDER_TIMER', class_name: 'OrderTimer' },
    ]);
    expect(config.migrations).toEqual([
      { tag: 'v1', new_sqlite_classes: ['CartObject'] },
      { tag: 'v2', new_sqlite_classes: ['OrderTimer'] },
    ]);
  });

  it('passes `wrangler deploy --dry-run` with the built Worker exporting both Durable Object classes', async () => {
    const script = await buildWorker();
    const dir = mkdtempSync(join(tmpdir(), 'gomall-dry-run-'));
    try {
      // The real config, pointed at the bundle just built instead of building it again.
      const toml = readFileSync('wrangler.toml', 'utf8')
        .replace(/^main = .*$/m, `main = ${JSON.stringify(script)}`)
        .replace(/^\[build\]\n(?:(?!\[).*\n)*/m, '')
        .replace(/^directory = "dist\/client"$/m, `directory = ${JSON.stringify(resolve('dist/client'))}`);
      writeFileSync(join(dir, 'wrangler.toml'), toml);
      const wrangler = Bun.spawn(['node', resolve('node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', join(dir, 'out')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, WRANGLER_SEND_METRICS: 'false', CI: '1' },
        stdout: 'pipe',
        stderr: 'pipe',
      });
      const [code, stdout, stderr] = await Promise.all([wrangler.exited, new Response(wrangler.stdout).text(), new Response(wrangler.stderr).text()]);
      expect({ code, ...(code ? { stdout, stderr } : {}) }).toEqual({ code: 0 });
      expect(stdout).toMatch(/env\.CART \(CartObject\)\s+Durable Object/);
      expect(stdout).toMatch(/env\.ORDER_TIMER \(OrderTimer\)\s+Durable Object/);
      const bundle = readFileSync(join(dir, 'out', 'worker.js'), 'utf8');
      // The module's own export list: the last `export { … }` of the bundle.
      const exported = [...bundle.matchAll(/export\s*\{([^}]*)\}/g)].at(-1)?.[1] ?? '';
      expect(exported).toMatch(/\bCartObject\b/);
      expect(exported).toMatch(/\bOrderTimer\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
