// Ranked full-text product search over the FTS5 index (see the catalog_search
// migration): bm25 with the name weighted above the description, highlighted
// snippets, and facets that show where else the same words lead.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Paged } from '../shared/schemas.ts';
import { matchExpression } from './match-expression.ts';
import { inCategory, stockStatus, SUMMARY_COLUMNS, type ProductSummary } from './queries.ts';
import { PRODUCT_ORDER } from './sort-order.ts';
import type { SearchSort } from '../shared/sorting.ts';

/** A name match counts this many times a description match. */
const NAME_WEIGHT = 10;
// Markers FTS5 puts around matched words; control characters never occur in
// search words (match-expression strips them), so they cannot be confused with text.
const OPEN = '\u0002';
const CLOSE = '\u0003';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchHit extends ProductSummary {
  /** The product name with the matched words marked. */
  nameHighlight: HighlightSegment[];
  /** A short passage of the description around the matched words. */
  snippet: HighlightSegment[];
}

export interface SearchFilters {
  categoryId?: number;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
}

export interface SearchFacets {
  categories: { slug: string; name: string; count: number }[];
  /** Price range of the matches (with the other filters applied); null when none. */
  price: { min: number | null; max: number | null };
}

export interface SearchResult extends Paged<SearchHit> {
  facets: SearchFacets;
  /** The price range searched, low end first (a reversed range is searched the right way round); null ends are open. */
  priceFilter: { minPriceCents: number | null; maxPriceCents: number | null };
}

export interface SearchOptions extends SearchFilters {
  q: string;
  sort: SearchSort;
  page: number;
  pageSize: number;
  lowStockThreshold: number;
}

/** Splits FTS5 highlight output into plain segments, so no HTML crosses the wire. */
function toSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [i, part] of marked.split(new RegExp(`[${OPEN}${CLOSE}]`)).entries()) {
    if (part) segments.push({ text: part, match: i % 2 === 1 });
  }
  return segments;
}

/** Active products matching the words and every filter except the one facet being counted. */
function matches(db: Db, match: string, filters: SearchFilters, ignore?: 'category' | 'price') {
  const conditions: Expression<SqlBool>[] = [sql<boolean>`products_fts match ${match}`];
  if (filters.categoryId !== undefined && ignore !== 'category') conditions.push(inCategory(filters.categoryId));
  if (filters.minPriceCents !== undefined && ignore !== 'price') conditions.push(sql<boolean>`p."priceCents" >= ${filters.minPriceCents}`);
  if (filters.maxPriceCents !== undefined && ignore !== 'price') conditions.push(sql<boolean>`p."priceCents" <= ${filters.maxPriceCents}`);
  if (filters.inStock) conditions.push(sql<boolean>`p.stock > 0`);
  // CROSS JOIN makes SQLite drive the query from the full-text index; with a plain
  // join it may scan every product and run the MATCH once per row (20x slower).
  return db
    .selectFrom('products_fts')
    .crossJoin('products as p')
    .whereRef('p.id', '=', 'products_fts.rowid')
    .where('p.active', '=', 1)
    .where((eb) => eb.and(conditions));
}

const EMPTY_FACETS: SearchFacets = { categories: [], price: { min: null, max: null } };

/** Min above max is taken as the prices between the two (a shopper who typed them the wrong way round), not as nothing. */
function orderPriceRange(filters: SearchFilters): SearchFilters {
  const { minPriceCents: min, maxPriceCents: max } = filters;
  return min !== undefined && max !== undefined && min > max ? { ...filters, minPriceCents: max, maxPriceCents: min } : filters;
}

export async function searchProducts(db: Db, opts: SearchOptions): Promise<SearchResult> {
  const paging = { page: opts.page, pageSize: opts.pageSize };
  const filters = orderPriceRange(opts);
  const priceFilter = { minPriceCents: filters.minPriceCents ?? null, maxPriceCents: filters.maxPriceCents ?? null };
  const match = matchExpression(opts.q);
  if (!match) return { items: [], total: 0, ...paging, facets: EMPTY_FACETS, priceFilter };

  let hits = matches(db, match, filters)
    .select(SUMMARY_COLUMNS)
    .select([
      sql<string>`highlight(products_fts, 0, ${OPEN}, ${CLOSE})`.as('nameMarked'),
      sql<string>`snippet(products_fts, 1, ${OPEN}, ${CLOSE}, '…', 16)`.as('snippetMarked'),
    ]);
  const order =
    opts.sort === 'relevance' ? [sql`bm25(products_fts, ${NAME_WEIGHT}, 1.0)`, sql`p.id`] : PRODUCT_ORDER[opts.sort];
  for (const term of order) hits = hits.orderBy(term);

  const [rows, { total }, categories, price] = await Promise.all([
    hits.limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute(),
    matches(db, match, filters).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    matches(db, match, filters, 'category')
      .innerJoin('product_categories as pc', 'pc.productId', 'p.id')
      .innerJoin('categories as c', 'c.id', 'pc.categoryId')
      .select(['c.slug', 'c.name', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('c.id')
      .orderBy('count', 'desc')
      .orderBy('c.sortOrder')
      .execute(),
    matches(db, match, filters, 'price')
      .select((eb) => [eb.fn.min<number | null>('p.priceCents').as('min'), eb.fn.max<number | null>('p.priceCents').as('max')])
      .executeTakeFirstOrThrow(),
  ]);

  return {
    items: rows.map(({ nameMarked, snippetMarked, ...row }) => ({
      ...row,
      stockStatus: stockStatus(row.stock, opts.lowStockThreshold),
      nameHighlight: toSegments(nameMarked),
      snippet: toSegments(snippetMarked),
    })),
    total,
    ...paging,
    facets: { categories, price },
    priceFilter,
  };
}
