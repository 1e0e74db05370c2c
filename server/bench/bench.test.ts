// Keeps `npm run bench` working: its quick version runs end to end and reports a
// number for everything. It asserts no speed: performance is judged by the
// benchmark's own targets, never by a timed test.
import { afterAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchReport } from './report.ts';
import { TARGETS } from './scenarios.ts';

const out = mkdtempSync(join(tmpdir(), 'gomall-bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('measures every scenario and writes the JSON and the markdown summary', async () => {
    const bench = Bun.spawn([process.execPath, '--conditions=solid', 'server/bench/cli.ts', '--quick', '--out', out], { stdout: 'pipe', stderr: 'pipe' });
    const [stdout, stderr, code] = await Promise.all([new Response(bench.stdout).text(), new Response(bench.stderr).text(), bench.exited]);
    expect({ code, stderr: code === 0 ? '' : `${stdout}\n${stderr}` }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/load from (wrk|autocannon)/);

    const files = readdirSync(out);
    const json = files.find((f) => f.endsWith('-quick.json'))!;
    expect(files).toContain(json.replace(/\.json$/, '.md'));
    const report = JSON.parse(readFileSync(join(out, json), 'utf8')) as BenchReport;
    const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0;

    expect(positive(report.baseline.rps)).toBe(true);
    expect(report.scenarios.map((s) => s.name as string).sort()).toEqual(Object.keys(TARGETS).sort());
    for (const s of report.scenarios) {
      expect({ name: s.name, numbers: [s.rps, s.ratio, s.p50Ms, s.p99Ms].every(positive), errors: Number.isInteger(s.errors) }).toEqual({
        name: s.name,
        numbers: true,
        errors: true,
      });
    }
    expect(report.checkout!.oversold).toBe(0);
    expect([report.scale!.listP50Ratio, report.scale!.searchP50Ratio].every(positive)).toBe(true);
    expect([report.client.home.jsBytes, report.client.product.jsBytes, report.client.product.cssBytes].every(positive)).toBe(true);
    expect(readFileSync(join(out, json.replace(/\.json$/, '.md')), 'utf8')).toContain('## Targets missed');
  }, 120_000);
});
