// The real entry (`npm start` / `npm run dev`): it serves the seeded shop on the built
// bundles, and refuses a bad configuration with one readable line.
import { describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';

async function startWith(env: Record<string, string>) {
  const proc = Bun.spawn([process.execPath, '--conditions=solid', 'server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [code, stderr] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
  return { code, stderr: stderr.trim() };
}

describe('starting the shop', () => {
  it('serves the seeded shop in production from the built bundles: assets cached for a year, a failure logged once and shown without details', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomall-start-'));
    const proc = Bun.spawn([process.execPath, '--conditions=solid', 'server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: `file:${join(dir, 'shop.db')}` },
      stdout: 'pipe',
      stderr: 'pipe',
      // A shop that hangs before listening is stopped, so the test fails instead of waiting forever.
      timeout: 20_000,
    });
    try {
      // Progress lines (migrated, seeded) come first; the URL is on the "listening on" line.
      let output = '';
      const lines = proc.stdout.getReader();
      while (!/listening on \S+\n/.test(output)) {
        const { value, done } = await lines.read();
        if (done) throw new Error(`the shop stopped: ${output}${await new Response(proc.stderr).text()}`);
        output += new TextDecoder().decode(value);
      }
      expect(output).toMatch(/GoMall \(production\) listening on/);
      const url = /listening on (\S+)/.exec(output)![1]!;
      const home = await fetch(url);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('href="/category/apparel"');
      expect(html.match(/href="\/product\/[^"]+"/g)?.length).toBeGreaterThan(4);
      const script = /<script type="module" src="(\/assets\/[^"]+-[\w-]{8}\.js)"/.exec(html)![1]!;
      const asset = await fetch(new URL(script, url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toContain('javascript');

      // A failure behind a page: a generic page naming the request id, one log line with the details.
      const { db } = await openDatabase(`file:${join(dir, 'shop.db')}`);
      await db.schema.dropTable('product_categories').execute();
      await db.destroy();
      const broken = await fetch(new URL('/category/apparel', url));
      const id = broken.headers.get('x-request-id')!;
      const page = await broken.text();
      expect(broken.status).toBe(500);
      expect(page).toContain('Something went wrong');
      expect(page).not.toMatch(/product_categories|SQLITE|stack|\.tsx?:\d/);
      proc.kill('SIGTERM');
      await proc.exited;
      const log = await new Response(proc.stderr).text();
      // Each failed query once, with the request id; none again as a rendering bug. Production
      // logs one JSON object per line (LOG_FORMAT=json by default).
      const logged = log.split('\n').filter((line) => line.includes(id)).map((line) => JSON.parse(line).msg as string);
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.filter((line) => !line.startsWith('page data '))).toEqual([]);
      expect(log).toContain('no such table: product_categories');
    } finally {
      proc.kill('SIGTERM');
      await proc.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses production without SESSION_SECRET, saying what to set, without a stack trace', async () => {
    const { code, stderr } = await startWith({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toBe('GoMall cannot start: SESSION_SECRET must be set to at least 32 characters (e.g. `openssl rand -hex 32`)');
  });

  it('refuses a DATABASE_URL it cannot use', async () => {
    const { code, stderr } = await startWith({ SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: 'mysql://db/shop' });
    expect(code).toBe(1);
    expect(stderr).toBe('GoMall cannot start: DATABASE_URL must start with one of file: libsql: http: https: (got "mysql://db/shop")');
  });
});
