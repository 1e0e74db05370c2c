// What `npm run lighthouse` audits and the scores each page must reach (issue 11,
// "Pages that load at once"). The paths are in the seed catalog a new shop starts with.

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export interface AuditedPage {
  name: string;
  path: string;
  /** Meant for search engines; search results are noindex, so SEO is no goal there. */
  indexed: boolean;
}

export const PAGES: AuditedPage[] = [
  { name: 'home', path: '/', indexed: true },
  { name: 'category', path: '/category/coffee-tea', indexed: true },
  { name: 'product', path: '/product/cafe-creme-espresso-beans', indexed: true },
  { name: 'search', path: '/search?q=coffee', indexed: false },
];

const GOALS: Record<CategoryId, number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

/** The lowest score (0–100) each category of `page` may have; a category without a goal is left out. */
export function goalsFor(page: AuditedPage): Partial<Record<CategoryId, number>> {
  const { seo, ...rest } = GOALS;
  return page.indexed ? { ...rest, seo } : rest;
}
