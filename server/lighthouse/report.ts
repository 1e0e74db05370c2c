// A Lighthouse result boiled down to what issue 11 tracks: the four scores, the key
// metrics, the goals missed and the audits that cost the points.
import type { Result } from 'lighthouse';
import { CATEGORIES, goalsFor, type AuditedPage, type CategoryId } from './pages.ts';

export interface Metrics {
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
}

/** An audit that did not pass: what it is, by how much, and where (selectors or URLs, a few). */
export interface Finding {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  items: string[];
}

export interface PageSummary {
  name: string;
  path: string;
  /** 0–100, null when Lighthouse could not score the category. */
  scores: Record<CategoryId, number | null>;
  goals: Partial<Record<CategoryId, number>>;
  metrics: Metrics;
  failing: Record<CategoryId, Finding[]>;
  /** Audits Lighthouse could not run, with its error (they count toward no score). */
  errored: { id: string; error: string }[];
  runWarnings: string[];
}

export interface Miss {
  page: string;
  category: CategoryId;
  score: number | null;
  goal: number;
}

const METRIC_AUDITS: Record<keyof Metrics, string> = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
};
const ITEMS_SHOWN = 5;
/** Lighthouse shows numeric audits below 0.9 as failed (orange or red), binary ones below 1. */
const PASS = 0.9;

export function summarize(page: AuditedPage, lhr: Result): PageSummary {
  const metrics = Object.fromEntries(
    Object.entries(METRIC_AUDITS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? null]),
  ) as unknown as Metrics;
  const scores = {} as PageSummary['scores'];
  const failing = {} as PageSummary['failing'];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    failing[id] = (category?.auditRefs ?? []).flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= (audit.scoreDisplayMode === 'binary' ? 1 : PASS)) return [];
      return [{ id: audit.id, title: audit.title, score: audit.score, ...(audit.displayValue && { displayValue: audit.displayValue }), items: itemsOf(audit.details) }];
    });
  }
  const errored = Object.values(lhr.audits).flatMap((audit) => (audit.scoreDisplayMode === 'error' ? [{ id: audit.id, error: audit.errorMessage ?? '' }] : []));
  return { name: page.name, path: page.path, scores, goals: goalsFor(page), metrics, failing, errored, runWarnings: lhr.runWarnings };
}

/** Where an audit failed: the elements (a11y, layout shifts) or resources (bytes, time) its table lists, with the savings. */
function itemsOf(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.slice(0, ITEMS_SHOWN).flatMap((raw) => {
    const item = raw as Record<string, unknown>;
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    const source = item.source as { url?: string } | undefined;
    const where = node?.selector ?? (typeof item.url === 'string' ? item.url : undefined) ?? source?.url ?? node?.snippet;
    if (!where) return [];
    const savings = [
      typeof item.wastedBytes === 'number' && `${kb(item.wastedBytes)} wasted`,
      typeof item.wastedMs === 'number' && `${Math.round(item.wastedMs)} ms`,
      typeof item.totalBytes === 'number' && !('wastedBytes' in item) && kb(item.totalBytes),
    ].filter(Boolean);
    return [savings.length ? `${where} (${savings.join(', ')})` : where];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function missedGoals(pages: PageSummary[]): Miss[] {
  return pages.flatMap((page) =>
    CATEGORIES.flatMap((category) => {
      const goal = page.goals[category];
      const score = page.scores[category];
      return goal !== undefined && (score === null || score < goal) ? [{ page: page.name, category, score, goal }] : [];
    }),
  );
}

const ms = (value: number | null) => (value === null ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

/** Scores and metrics, one page a row; a score below its goal is marked with `*`. */
export function table(pages: PageSummary[]): string {
  const head = ['page', 'perf', 'a11y', 'best', 'seo', 'FCP', 'LCP', 'TBT', 'CLS', 'SI'];
  const rows = pages.map((page) => [
    page.name,
    ...CATEGORIES.map((id) => {
      const score = page.scores[id];
      const goal = page.goals[id];
      return `${score ?? 'n/a'}${goal !== undefined && (score === null || score < goal) ? '*' : ''}`;
    }),
    ms(page.metrics.fcpMs),
    ms(page.metrics.lcpMs),
    ms(page.metrics.tbtMs),
    page.metrics.cls === null ? 'n/a' : page.metrics.cls.toFixed(3),
    ms(page.metrics.speedIndexMs),
  ]);
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The audits that cost each missed goal its points, for the console. */
export function missReport(pages: PageSummary[], misses: Miss[]): string {
  return misses
    .map(({ page: name, category, score, goal }) => {
      const page = pages.find((p) => p.name === name)!;
      const findings = page.failing[category].map(
        (f) => `    - ${f.title}${f.displayValue ? `: ${f.displayValue}` : ''}${f.items.map((item) => `\n        ${item}`).join('')}`,
      );
      return `  ${name} ${category} ${score ?? 'n/a'} (goal ${goal})\n${findings.join('\n') || '    (no single failing audit: metrics just short of their targets)'}`;
    })
    .join('\n');
}
