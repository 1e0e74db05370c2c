// The benchmark's results: checked against the targets, printed as a table, and
// written as JSON and as a markdown summary that names every miss, by how much,
// and what the profile of that scenario shows.
import type { LoadTool } from './load.ts';
import type { HotFunction, ProfileSummary } from './profile.ts';
import { PEAK_RSS_BYTES, PRODUCT_PAGE_JS_BYTES, SCALE_P50_RATIO, type ScenarioName, type Target } from './scenarios.ts';

export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  rps: number;
  ratio: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  target: Target;
  /** Highest resident memory of the shop sampled while this scenario ran. */
  peakRssBytes: number | null;
  /** The shop's CPU time per second of load (1 = one core busy throughout). */
  serverCpu: number | null;
  /** Reads: every distinct request once before the run, from cold caches. */
  firstPass?: { requests: number; p50Ms: number; p99Ms: number };
}

export interface ScalePoint {
  products: number;
  listP50Ms: number;
  searchP50Ms: number;
  listRps: number;
  searchRps: number;
}

export interface CheckoutAccounting {
  ordersAnswered: number;
  ordersInDatabase: number;
  unitsOrdered: number;
  stockBefore: number;
  stockAfter: number;
  /** Units that left the shelf without an order line to show for them (must be 0). */
  oversold: number;
  negativeStockProducts: number;
}

export interface Miss {
  what: string;
  target: string;
  actual: string;
  /** "3.2× short", "12 ms over"… */
  by: string;
  scenario?: ScenarioName;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  tool: LoadTool;
  machine: { cpus: number; model: string; platform: string; bun: string };
  products: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  baseline: { rps: number; p50Ms: number; p99Ms: number; runs: number[] };
  scenarios: ScenarioResult[];
  checkout: CheckoutAccounting | null;
  peakRssBytes: number | null;
  scale: { small: ScalePoint; large: ScalePoint; listP50Ratio: number; searchP50Ratio: number } | null;
  client: { home: { jsBytes: number; cssBytes: number }; product: { jsBytes: number; cssBytes: number; files: string[] } };
  /** The shop's resident memory once started, before any load. */
  idleRssBytes: number | null;
  misses: Miss[];
  profiles: Partial<Record<ScenarioName, ProfileSummary>>;
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Every target the run missed. */
export function findMisses(report: Omit<BenchReport, 'misses' | 'profiles'>): Miss[] {
  const misses: Miss[] = [];
  for (const s of report.scenarios) {
    const t = s.target;
    if (t.ratio !== undefined && s.ratio < t.ratio) {
      misses.push({ scenario: s.name, what: `${s.name} throughput`, target: `ratio ≥ ${t.ratio}`, actual: `${fixed(s.ratio, 3)}`, by: `${fixed(t.ratio / s.ratio, 1)}× short` });
    }
    if (t.rps !== undefined && s.rps < t.rps) {
      misses.push({ scenario: s.name, what: `${s.name} throughput`, target: `≥ ${t.rps}/s`, actual: `${fixed(s.rps, 0)}/s`, by: `${fixed(t.rps - s.rps, 0)}/s short (${fixed(t.rps / s.rps, 1)}×)` });
    }
    if (t.p99Ms !== undefined && s.p99Ms >= t.p99Ms) {
      misses.push({ scenario: s.name, what: `${s.name} p99`, target: `< ${t.p99Ms} ms`, actual: `${fixed(s.p99Ms)} ms`, by: `${fixed(s.p99Ms - t.p99Ms)} ms over` });
    }
    if (t.errors !== undefined && s.errors > t.errors) {
      misses.push({ scenario: s.name, what: `${s.name} errors`, target: `${t.errors}`, actual: `${s.errors}`, by: `${s.errors} errors` });
    }
  }
  if (report.checkout && (report.checkout.oversold !== 0 || report.checkout.negativeStockProducts !== 0)) {
    misses.push({ scenario: 'checkout.placeOrder', what: 'checkout stock accounting', target: '0 oversold', actual: `${report.checkout.oversold} units`, by: `${report.checkout.oversold} units` });
  }
  if (report.scale) {
    for (const [what, ratio] of [['product.list', report.scale.listP50Ratio], ['product.search', report.scale.searchP50Ratio]] as const) {
      if (ratio > SCALE_P50_RATIO) {
        misses.push({
          scenario: what,
          what: `${what} p50 at ${report.scale.large.products.toLocaleString('en-US')} vs ${report.scale.small.products.toLocaleString('en-US')} products`,
          target: `≤ ${SCALE_P50_RATIO}`,
          actual: fixed(ratio, 2),
          by: `${fixed(ratio / SCALE_P50_RATIO, 1)}× over`,
        });
      }
    }
  }
  if (report.client.product.jsBytes > PRODUCT_PAGE_JS_BYTES) {
    misses.push({ what: 'product page JavaScript (gzipped)', target: `≤ ${kb(PRODUCT_PAGE_JS_BYTES)}`, actual: kb(report.client.product.jsBytes), by: `${kb(report.client.product.jsBytes - PRODUCT_PAGE_JS_BYTES)} over` });
  }
  if (report.peakRssBytes !== null && report.peakRssBytes > PEAK_RSS_BYTES) {
    misses.push({ what: 'server RSS under load', target: `≤ ${mb(PEAK_RSS_BYTES)}`, actual: mb(report.peakRssBytes), by: `${mb(report.peakRssBytes - PEAK_RSS_BYTES)} over` });
  }
  return misses;
}

export function table(report: BenchReport): string {
  const rows = [
    ['scenario', 'req/s', 'ratio', 'p50 ms', 'p99 ms', 'errors', 'CPU', 'target'],
    ['baseline: Bun.serve hello', fixed(report.baseline.rps, 0), '1.000', fixed(report.baseline.p50Ms, 2), fixed(report.baseline.p99Ms, 2), '0', '', ''],
    ...report.scenarios.map((s) => [
      s.label,
      fixed(s.rps, 0),
      fixed(s.ratio, 3),
      fixed(s.p50Ms, 2),
      fixed(s.p99Ms, 2),
      String(s.errors),
      cpu(s.serverCpu),
      targetText(s.target),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

const cpu = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(0)}%`);

function targetText(t: Target): string {
  const parts = [];
  if (t.ratio !== undefined) parts.push(`ratio ≥ ${t.ratio}`);
  if (t.rps !== undefined) parts.push(`≥ ${t.rps}/s`);
  if (t.p99Ms !== undefined) parts.push(`p99 < ${t.p99Ms}`);
  return parts.join(', ');
}

/** Where a hot function lives, in words: which part of the stack its samples belong to. */
export function area(name: string): string {
  const at = /\(([^)]*)\)$/.exec(name)?.[1] ?? '';
  if (at.startsWith('@libsql/') || at.startsWith('libsql')) return 'libSQL client';
  if (at.startsWith('@trpc/')) return 'tRPC';
  if (at.startsWith('hono/')) return 'Hono';
  if (at.startsWith('kysely/')) return 'Kysely';
  if (at.startsWith('solid-js/') || at.startsWith('@solidjs/') || at.startsWith('dist/server/')) return 'Solid SSR';
  if (at.startsWith('valibot/')) return 'valibot';
  if (at.startsWith('jose/')) return 'jose (JWT)';
  if (at.startsWith('db/')) return 'db/ (dialect)';
  if (at.startsWith('routers/') || at.startsWith('server/') || at.startsWith('client/')) return 'shop code';
  if (at === 'native' || at.startsWith('[native')) return 'native (runtime built-ins)';
  if (/^\w+:\d+$/.test(at) || at.startsWith('node:') || at.startsWith('bun:')) return 'runtime (JS built-ins)';
  return 'other';
}

function profileLines(profile: ProfileSummary): string[] {
  const byArea = new Map<string, number>();
  for (const f of profile.self) byArea.set(area(f.name), (byArea.get(area(f.name)) ?? 0) + f.self);
  const fmt = (f: HotFunction, key: 'self' | 'total') => `\`${f.name}\` ${(f[key] * 100).toFixed(1)}%`;
  return [
    `  - ${profile.samples} JavaScript samples. Top self time: ${profile.self.slice(0, 8).map((f) => fmt(f, 'self')).join(', ')}.`,
    `  - Self time of those by area: ${[...byArea.entries()].sort((a, b) => b[1] - a[1]).map(([a, share]) => `${a} ${(share * 100).toFixed(0)}%`).join(', ')}.`,
    `  - Highest total (inclusive) time: ${profile.total.slice(0, 6).map((f) => fmt(f, 'total')).join(', ')}.`,
  ];
}

export function markdown(report: BenchReport): string {
  const lines = [
    `# Benchmark ${report.date}${report.quick ? ' (quick)' : ''}`,
    '',
    `${report.products.toLocaleString('en-US')} products, ${report.connections} connections, ${report.seconds} s per scenario, load from **${report.tool}** on 127.0.0.1; ` +
      `${report.machine.cpus} × ${report.machine.model}, ${report.machine.platform}, Bun ${report.machine.bun}. ` +
      `Ratio = requests/s ÷ a bare \`Bun.serve\` hello measured in the same run (mean of ${report.baseline.runs.length} runs: ${report.baseline.runs.map((r) => r.toFixed(0)).join(', ')} req/s).`,
    '',
    '| scenario | req/s | ratio | p50 ms | p99 ms | errors | shop CPU | target |',
    '|---|--:|--:|--:|--:|--:|--:|---|',
    `| baseline: Bun.serve hello | ${fixed(report.baseline.rps, 0)} | 1.000 | ${fixed(report.baseline.p50Ms, 2)} | ${fixed(report.baseline.p99Ms, 2)} | 0 | | |`,
    ...report.scenarios.map(
      (s) => `| ${s.label} | ${fixed(s.rps, 0)} | ${fixed(s.ratio, 3)} | ${fixed(s.p50Ms, 2)} | ${fixed(s.p99Ms, 2)} | ${s.errors} | ${cpu(s.serverCpu)} | ${targetText(s.target)} |`,
    ),
    '',
    'Shop CPU: CPU time of the shop process per second of load (100% = one core; the machine has ' + report.machine.cpus + ', shared with the load generator).',
    'Read scenarios are measured in steady state: before the run each distinct request is sent once (the cold caches), then ' + report.warmupSeconds + ' s of warm-up load. ' +
      'That first pass, ' + report.connections + ' at a time: ' +
      report.scenarios
        .filter((s) => s.firstPass)
        .map((s) => `${s.name} ${s.firstPass!.requests} request${s.firstPass!.requests === 1 ? '' : 's'}, p50 ${fixed(s.firstPass!.p50Ms, 1)} ms, p99 ${fixed(s.firstPass!.p99Ms, 1)} ms`)
        .join('; ') +
      '.',
    '',
  ];
  if (report.checkout) {
    const c = report.checkout;
    lines.push(
      `**Checkout stock accounting**: ${c.ordersAnswered} orders answered, ${c.ordersInDatabase} in the database, ${c.unitsOrdered} units ordered; ` +
        `stock ${c.stockBefore} → ${c.stockAfter} (${c.stockBefore - c.stockAfter} units off the shelf): **${c.oversold} oversold**, ${c.negativeStockProducts} products below zero.`,
      '',
    );
  }
  lines.push(`**Server peak RSS under load**: ${report.peakRssBytes === null ? 'n/a' : mb(report.peakRssBytes)} (target ≤ ${mb(PEAK_RSS_BYTES)}).`, '');
  if (report.scale) {
    const { small, large } = report.scale;
    lines.push(
      `**Scale** (p50 at the same load): product.list ${fixed(small.listP50Ms, 2)} ms at ${small.products.toLocaleString('en-US')} products, ${fixed(large.listP50Ms, 2)} ms at ${large.products.toLocaleString('en-US')} → ratio **${fixed(report.scale.listP50Ratio, 2)}**; ` +
        `product.search ${fixed(small.searchP50Ms, 2)} ms → ${fixed(large.searchP50Ms, 2)} ms → ratio **${fixed(report.scale.searchP50Ratio, 2)}** (target ≤ ${SCALE_P50_RATIO}).`,
      '',
    );
  }
  lines.push(
    `**Client assets (gzipped)**: home page ${kb(report.client.home.jsBytes)} JS + ${kb(report.client.home.cssBytes)} CSS; product page ${kb(report.client.product.jsBytes)} JS + ${kb(report.client.product.cssBytes)} CSS (JS target ≤ ${kb(PRODUCT_PAGE_JS_BYTES)}).`,
    '',
    '## Targets missed',
    '',
  );
  if (report.misses.length === 0) lines.push('None: every target is met.', '');
  const shown = new Set<string>();
  for (const miss of report.misses) {
    lines.push(`- **${miss.what}**: ${miss.actual}, target ${miss.target} — ${miss.by}.`);
    const profile = miss.scenario && report.profiles[miss.scenario];
    if (profile && shown.has(miss.scenario!)) lines.push(`  - (profile of ${miss.scenario} above)`);
    else if (profile) lines.push(...profileLines(profile));
    if (miss.scenario) shown.add(miss.scenario);
    else if (miss.what.startsWith('product page JavaScript')) {
      const js = report.client.product.files.filter((f) => f.endsWith('.js'));
      lines.push(
        `  - Not a server matter (no CPU profile applies): the product page loads ${js.length} script file${js.length === 1 ? '' : 's'} (${js.join(', ')}).` +
          (js.length === 1 ? ' Every page of the storefront and of the admin console is in that one entry chunk: no route is loaded lazily.' : ''),
      );
    } else if (miss.what.startsWith('server RSS')) {
      const steps = report.scenarios.map((s) => `${s.name} ${s.peakRssBytes === null ? '–' : mb(s.peakRssBytes)}`).join(', ');
      lines.push(
        `  - Not a CPU matter: the shop holds ${report.idleRssBytes === null ? 'n/a' : mb(report.idleRssBytes)} once started, before any request; ` +
          `the highest resident memory seen while each scenario ran (in order, the process never giving memory back): ${steps}.`,
      );
    } else if (!miss.scenario) lines.push('  - (not a server scenario: no CPU profile applies)');
  }
  const profiledOnly = (Object.keys(report.profiles) as ScenarioName[]).filter((name) => !report.misses.some((m) => m.scenario === name));
  if (profiledOnly.length) {
    lines.push('', '## Other profiles', '');
    for (const name of profiledOnly) lines.push(`- **${name}**`, ...profileLines(report.profiles[name]!));
  }
  lines.push('', `Profiles: \`bun --cpu-prof\` of the shop under the scenario's load, by samples of JavaScript on the main thread.`, '');
  return lines.join('\n');
}
