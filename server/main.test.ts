// `npm start` / `npm run dev` refuse a bad configuration with one readable line.
import { describe, expect, it } from 'bun:test';

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
