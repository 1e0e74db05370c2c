import { describe, expect, it } from 'bun:test';
import type { Result } from 'lighthouse';
import { PAGES } from './pages.ts';
import { missedGoals, missReport, summarize, table } from './report.ts';

const [home, , , search] = PAGES as [(typeof PAGES)[number], unknown, unknown, (typeof PAGES)[number]];

/** The parts of a Lighthouse result the summary reads: categories with their audits. */
function lighthouseResult(scores: Record<string, number>, audits: Record<string, Partial<Result['audits'][string]>> = {}): Result {
  const metrics = {
    'first-contentful-paint': 1200,
    'largest-contentful-paint': 2400,
    'total-blocking-time': 40,
    'cumulative-layout-shift': 0.01,
    'speed-index': 1500,
  };
  const all: Record<string, Partial<Result['audits'][string]>> = {
    ...Object.fromEntries(Object.entries(metrics).map(([id, numericValue]) => [id, { id, title: id, score: 1, scoreDisplayMode: 'numeric', numericValue }])),
    ...audits,
  };
  const refs = (category: string) => Object.entries(all).filter(([id]) => (category === 'performance' ? !id.startsWith('a11y-') : id.startsWith(`${category}-`)));
  return {
    runWarnings: [],
    audits: all,
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [id, { id, title: id, score, auditRefs: refs(id === 'accessibility' ? 'a11y' : id).map(([ref]) => ({ id: ref, weight: 1 })) }]),
    ),
  } as unknown as Result;
}

describe('the Lighthouse summary', () => {
  it('gives scores out of 100 and the key metrics', () => {
    const summary = summarize(home, lighthouseResult({ performance: 0.974, accessibility: 1, 'best-practices': 1, seo: 1 }));
    expect(summary.scores).toEqual({ performance: 97, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(summary.metrics).toEqual({ fcpMs: 1200, lcpMs: 2400, tbtMs: 40, cls: 0.01, speedIndexMs: 1500 });
  });

  it('names the audits that cost points, with the elements they failed on', () => {
    const lhr = lighthouseResult(
      { performance: 1, accessibility: 0.98, 'best-practices': 1, seo: 1 },
      {
        'a11y-heading-order': {
          id: 'heading-order',
          title: 'Heading elements are not in a sequentially-descending order',
          score: 0,
          scoreDisplayMode: 'binary',
          details: { type: 'table', headings: [], items: [{ node: { type: 'node', lhId: '1', path: '', selector: 'li#product-41 h3', snippet: '<h3>' } }] },
        },
        'a11y-color-contrast': { id: 'color-contrast', title: 'Contrast', score: 1, scoreDisplayMode: 'binary' },
      },
    );
    const summary = summarize(home, lhr);
    expect(summary.failing.accessibility).toEqual([
      { id: 'heading-order', title: 'Heading elements are not in a sequentially-descending order', score: 0, items: ['li#product-41 h3'] },
    ]);
    const misses = missedGoals([summary]);
    expect(misses).toEqual([{ page: 'home', category: 'accessibility', score: 98, goal: 100 }]);
    expect(missReport([summary], misses)).toContain('li#product-41 h3');
  });

  it('holds search to no SEO goal, as its results are noindex', () => {
    const summary = summarize(search, lighthouseResult({ performance: 0.99, accessibility: 1, 'best-practices': 1, seo: 0.58 }));
    expect(missedGoals([summary])).toEqual([]);
  });

  it('marks a score below its goal in the table', () => {
    const pages = [
      summarize(home, lighthouseResult({ performance: 0.97, accessibility: 1, 'best-practices': 1, seo: 1 })),
      summarize(search, lighthouseResult({ performance: 1, accessibility: 1, 'best-practices': 1, seo: 0.58 })),
    ];
    const [, , homeRow, searchRow] = table(pages).split('\n');
    expect(homeRow!.split(/\s+/).slice(0, 5)).toEqual(['home', '97*', '100', '100', '100']);
    expect(homeRow).toContain('2.4 s');
    expect(searchRow!.split(/\s+/).slice(0, 5)).toEqual(['search', '100', '100', '100', '58']);
  });
});
