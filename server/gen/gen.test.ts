// The generators (gen:router, gen:page) run on a copy of the project: what they
// write typechecks, keeps the layout rules and passes its own tests as generated;
// a taken or invalid name, or a missing anchor, is refused with exit code 1 and
// changes no file.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { camelCase, checkName, pascalCase, sentenceCase } from './names.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const COPIED = ['routers', 'client', 'server', 'db', 'edge', 'package.json', 'tsconfig.json', 'bunfig.toml', '.depcruise', 'layout.test.ts', 'README.md'];
/** Shared, not copied: the packages, and the built client whose manifest createTestShop reads. */
const LINKED = ['node_modules', 'dist'];

let copy: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/client/.vite/manifest.json'))) throw new Error('The generated tests render pages: run `npm run build:app` first.');
  copy = mkdtempSync(join(tmpdir(), 'gomall-gen-'));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  for (const entry of LINKED) symlinkSync(join(ROOT, entry), join(copy, entry));
});
// Removes the links, not what they point to.
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs a command in the copy; `result` shows the output when the exit code is not the expected one. */
async function run(command: string[]) {
  const [bin, ...args] = command;
  const proc = Bun.spawn([join(copy, 'node_modules/.bin', bin!), ...args], { cwd: copy, stdout: 'pipe', stderr: 'pipe' });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, stdout, stderr, result: { code, output: `${stdout}${stderr}` } };
}
const gen = (kind: 'router' | 'page', ...args: string[]) => run(['bun', `server/gen/${kind}.ts`, ...args]);
const exitCode = (code: number) => ({ code, output: expect.any(String) });

/** tsc's errors in the copy, without line numbers (inserted lines move them); [] when it passes. */
async function typeErrors(): Promise<string[]> {
  const tsc = await run(['tsc', '--noEmit', '-p', '.']);
  const errors = tsc.stdout.split('\n').filter((line) => / error TS\d+:/.test(line)).map((line) => line.replace(/\(\d+,\d+\)/, ''));
  if (tsc.code !== 0 && !errors.length) throw new Error(`tsc failed: ${tsc.result.output}`);
  return errors;
}

const read = (path: string) => readFileSync(join(copy, path), 'utf8');

/** Every file of the copy (the links left out) with a hash of its content. */
function snapshot(dir = copy, files = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) snapshot(path, files);
    else if (entry.isFile()) files.set(path.slice(copy.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

const PAGES = ['account/wishlist', 'admin/reports', 'gift-cards'];

describe('names', () => {
  it('makes identifiers and words of a dashed name, and refuses anything else', () => {
    expect([camelCase('gift-cards-2'), pascalCase('gift-cards'), sentenceCase('gift-cards')]).toEqual(['giftCards2', 'GiftCards', 'Gift cards']);
    for (const bad of ['Bad_Name', '1abc', '../x', '', 'a--b', 'a-', '-a', 'a b', 'é']) expect(() => checkName(bad, 'name')).toThrow();
    expect(checkName('demo-things2', 'name')).toBe('demo-things2');
  });
});

describe('the generators', () => {
  it('write a domain and pages that typecheck, keep the layout rules and pass their tests as generated', async () => {
    const router = await gen('router', 'demo-things');
    expect(router.result).toEqual(exitCode(0));
    expect(router.stdout).toContain('routers/demo-things/router.ts');
    expect(router.stdout).toContain('Next:');
    for (const page of PAGES) {
      const made = await gen('page', page);
      expect(made.result).toEqual(exitCode(0));
      expect(made.stdout).toContain(`client/pages/${page}.tsx`);
    }

    expect(read('routers/index.ts')).toContain("import { demoThingsRouter } from './demo-things/router.ts';");
    expect(read('routers/index.ts')).toMatch(/\n {2}demoThings: demoThingsRouter,\n\}\);/);
    expect(read('client/app.tsx')).toContain("const AdminReportsPage = page(() => import('./pages/admin/reports.tsx'), 'AdminReportsPage');");
    expect(read('client/app.tsx')).toMatch(/<Route path="\/reports" component=\{AdminReportsPage\} \/>\s*<\/Route>\s*<Route component=\{Layout\}>/);
    expect(read('client/app.tsx')).toMatch(/<Route path="\/gift-cards" component=\{GiftCardsPage\} \/>\s*<Route path="\*404"/);

    // README's Layout names the new domain folder, as layout.test.ts requires of every folder.
    expect(read('README.md')).toMatch(/\n## Layout\n[\s\S]*\nrouters\/demo-things +\S[\s\S]*\n## /);

    const tests = ['routers/demo-things/demo-things.test.ts', ...PAGES.map((page) => `client/pages/${page}.test.ts`)];
    const [typeErrorsAfter, generated, layout] = await Promise.all([
      typeErrors(),
      run(['bun', 'test', '--conditions=solid', ...tests]),
      // The dependency-cruiser rules (layout.test.ts's "imports" tests): one-way imports, no cycles, browser-safe client code.
      run(['bun', 'test', '--conditions=solid', '--timeout', '120000', 'layout.test.ts', '-t', 'imports']),
    ]);
    expect(typeErrorsAfter).toEqual([]);
    expect(generated.result).toEqual(exitCode(0));
    expect(generated.stderr).toMatch(/\b0 fail\b/);
    expect(generated.stderr).toContain(`across ${tests.length} files`);
    expect(layout.result).toEqual(exitCode(0));
    expect(layout.stderr).toMatch(/\b2 pass\b/);
  }, 120_000);

  it('refuse a domain or page that exists, changing no file', async () => {
    const before = snapshot();
    for (const [kind, name, message] of [
      ['router', 'demo-things', 'routers/demo-things already exists'],
      ['router', 'coupon', 'routers/coupon already exists'],
      ['page', 'gift-cards', 'client/pages/gift-cards.tsx, client/pages/gift-cards.test.ts already exist'],
      ['page', 'admin/products/new', 'client/app.tsx already has a route for /admin/products/new'],
    ] as const) {
      const refused = await gen(kind, name);
      expect(refused.result).toEqual(exitCode(1));
      expect(refused.stderr).toContain(message);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuse invalid names, changing no file', async () => {
    const before = snapshot();
    for (const name of ['Bad_Name', '1abc', '../x', '']) {
      for (const kind of ['router', 'page'] as const) {
        const refused = await gen(kind, name);
        expect(refused.result).toEqual(exitCode(1));
        expect(refused.stderr).toMatch(/is not a valid|Give a|Usage/);
        expect(refused.stderr).toContain('Nothing was changed.');
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('fail clearly when a file lacks the line they insert at, changing no file', async () => {
    const app = read('client/app.tsx');
    const index = read('routers/index.ts');
    try {
      writeFileSync(join(copy, 'client/app.tsx'), app.replace(/^.*<Route path="\*404".*\n/m, ''));
      writeFileSync(join(copy, 'routers/index.ts'), index.replace('export const appRouter = router({', 'export const appRouter = router({ // merged'));
      const before = snapshot();
      const page = await gen('page', 'help');
      expect(page.result).toEqual(exitCode(1));
      expect(page.stderr).toContain('client/app.tsx: cannot find the catch-all route');
      const router = await gen('router', 'reviews');
      expect(router.result).toEqual(exitCode(1));
      expect(router.stderr).toContain('routers/index.ts: cannot find the line `export const appRouter = router({`');
      expect(snapshot()).toEqual(before);
    } finally {
      writeFileSync(join(copy, 'client/app.tsx'), app);
      writeFileSync(join(copy, 'routers/index.ts'), index);
    }
  });
});
