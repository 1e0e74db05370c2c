// `npm run lighthouse`: Lighthouse (default mobile settings: a mid-range phone on
// slow 4G, simulated) against the production build on a temporary seeded database,
// for home, a category, a product and search. Prints the scores and key metrics,
// the goals missed (issue 11) with the audits that cost the points, and writes the
// reports (JSON and HTML) and a summary to bench/results/lighthouse/.
//
//   bun --conditions=solid server/lighthouse/cli.ts [--runs N] [--only home,search] [--out DIR]
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { randomSecret } from '../../routers/config.ts';
import { snapshotBuild, startShop, stopAllOnInterrupt } from '../bench/processes.ts';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.ts';
import { PAGES } from './pages.ts';
import { missedGoals, missReport, summarize, table, type PageSummary } from './report.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results/lighthouse' },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('--runs must be a whole number from 1 to 9 (the median run is reported)');
  process.exit(2);
}
const only = args.only?.split(',').map((name) => name.trim());
const pages = only ? PAGES.filter((page) => only.includes(page.name)) : PAGES;
if (!pages.length) {
  console.error(`--only: none of ${only!.join(', ')}; the pages are ${PAGES.map((p) => p.name).join(', ')}`);
  process.exit(2);
}
for (const file of ['dist/client/.vite/manifest.json', 'dist/server/entry-server.js']) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build:app\` first (\`npm run lighthouse\` does).`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'gomall-lighthouse-'));
let chrome: chromeLauncher.LaunchedChrome | undefined;
stopAllOnInterrupt(() => {
  chrome?.kill();
  rmSync(work, { recursive: true, force: true });
});
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)}s`;

try {
  // A copy of the build: another terminal's rebuild cannot change the pages mid-run.
  snapshotBuild(work);
  console.log('lighthouse: starting the shop (production build, temporary database seeded at start)…');
  const shop = await startShop({ cwd: work, databaseUrl: `file:${join(work, 'shop.db')}`, secret: randomSecret() });
  try {
    // Once each first: a running shop is warm (renderer loaded, caches filled), and a broken page stops here.
    for (const page of pages) {
      const res = await fetch(shop.url + page.path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
    }
    // Chrome-launcher's own Ctrl-C handler would exit before the shop and the temporary folder are gone.
    chrome = await chromeLauncher.launch({ chromePath: await chromiumPath(), chromeFlags: CHROMIUM_ARGS, handleSIGINT: false });
    const summaries: PageSummary[] = [];
    let environment: Result['environment'] | undefined;
    let version = '';
    mkdirSync(args.out, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const results: { lhr: Result; report: string[] }[] = [];
      for (let run = 1; run <= runs; run++) {
        const started = performance.now();
        const label = `  ${page.name} (${index + 1}/${pages.length}${runs > 1 ? `, run ${run}/${runs}` : ''}) ${page.path}`;
        // On a terminal the line shows while the page is audited; piped output gets the finished line only.
        if (process.stdout.isTTY) process.stdout.write(`${label}…`);
        const result = await lighthouse(shop.url + page.path, { port: chrome.port, output: ['json', 'html'], logLevel: 'error' });
        if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`);
        if (result.lhr.runtimeError) throw new Error(`${page.path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        results.push({ lhr: result.lhr, report: result.report as string[] });
        const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? NaN) * 100);
        console.log(`${process.stdout.isTTY ? '\r' : ''}${label}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')} (${seconds(started)})`);
      }
      const median = computeMedianRun(results.map((r) => r.lhr));
      const [json, html] = results.find((r) => r.lhr === median)!.report;
      writeFileSync(join(args.out, `${page.name}.report.json`), json!);
      writeFileSync(join(args.out, `${page.name}.report.html`), html!);
      summaries.push(summarize(page, median));
      environment = median.environment;
      version = median.lighthouseVersion;
    }

    const misses = missedGoals(summaries);
    console.log(`\nLighthouse ${version}, mobile, ${runs > 1 ? `median of ${runs} runs` : 'one run'} per page; ${environment?.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? ''}, CPU benchmark index ${environment?.benchmarkIndex ?? 'n/a'}\n`);
    console.log(table(summaries));
    for (const s of summaries) for (const warning of s.runWarnings) console.log(`  ${s.name}: ${warning}`);
    const errored = new Map(summaries.flatMap((s) => s.errored.map((e) => [e.id, e.error] as const)));
    if (errored.size) console.log(`\nnot run (no score counts them): ${[...errored.keys()].join(', ')}: ${[...new Set(errored.values())][0]}`);
    console.log(misses.length ? `\n* below the goal (performance ≥ 98; accessibility, best practices 100; SEO 100 where indexed):\n${missReport(summaries, misses)}` : '\nevery goal met');
    const summaryFile = join(args.out, 'summary.json');
    writeFileSync(summaryFile, `${JSON.stringify({ date: new Date().toISOString(), lighthouse: version, runs, environment, pages: summaries, misses }, null, 2)}\n`);
    console.log(`\nwrote ${summaryFile} and each page's report (.report.json, .report.html) beside it`);
  } finally {
    chrome?.kill();
    await shop.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
