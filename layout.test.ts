// The layout rules (README, "Layout"), checked by dependency-cruiser on every run:
// imports run one way between folders, client code is browser code, no cycles.
import { describe, expect, it } from 'bun:test';
import { Glob } from 'bun';

const FOLDERS = ['client', 'db', 'edge', 'routers', 'server'];
const sources = [...new Glob(`{${FOLDERS.join(',')}}/**/*.{ts,tsx}`).scanSync('.')].filter((file) => !file.endsWith('.d.ts'));

/** dependency-cruiser's findings for one rule set: '' when there are none. */
async function violations(config: string): Promise<string> {
  const cruise = Bun.spawn(['node', 'node_modules/.bin/depcruise', '--config', config, '--output-type', 'err', ...sources], {
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [out, err, code] = await Promise.all([new Response(cruise.stdout).text(), new Response(cruise.stderr).text(), cruise.exited]);
  return code === 0 ? '' : `${out}${err}`.trim();
}

describe('imports', () => {
  it('run one way between folders, type imports included: edge/, server/ → client/, routers/ → db/', async () => {
    expect(await violations('.depcruise/layers.cjs')).toBe('');
  }, 120_000); // a cruise of every file takes seconds, more on a busy 2-core machine

  it('form no cycles, and client code takes nothing server-only (runtime imports)', async () => {
    expect(await violations('.depcruise/runtime.cjs')).toBe('');
  }, 120_000); // a cruise of every file takes seconds, more on a busy 2-core machine
});

const readme = await Bun.file('README.md').text();

describe("README's Layout section", () => {
  const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));

  it('names every domain and server folder that exists', () => {
    const folders = ['routers', 'server', 'client'].flatMap((top) =>
      [...new Glob(`${top}/*/`).scanSync({ cwd: '.', onlyFiles: false })].map((dir) => dir.replace(/\/$/, '')),
    );
    const missing = folders.filter((dir) => !new RegExp(`(^|\\s)${dir}/?(\\s|$)`, 'm').test(layout));
    expect(missing).toEqual([]);
  });

  it('names only folders that exist', async () => {
    const named = [...layout.matchAll(/^((?:routers|server|client|db|edge)\/[\w-]+)\/?\s/gm)].map((m) => m[1]!);
    const absent = named.filter((dir) => !new Glob(`${dir}/*`).scanSync({ cwd: '.', onlyFiles: false }).next().value);
    expect(named.length).toBeGreaterThan(0);
    expect(absent).toEqual([]);
  });
});
