// Ranked full-text product search that forgives: exact words first (FTS5 bm25,
// the name weighted above the description), then other forms of the words, then
// text inside words (search-tiers.ts); when that still finds little, the closest
// catalog words are searched instead (spelling.ts) and the result says so.
// Highlighted snippets, and facets that show where else the same words lead.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Paged } from '../shared/schemas.ts';
import { inCategory, stockStatus, type ProductSummary } from './queries.ts';
import { matchedProducts, markedText, tierExpressions } from './search-tiers.ts';
import { PRODUCT_ORDER } from './sort-order.ts';
import { correctQuery } from './spelling.ts';
import type { SearchSort } from '../shared/sorting.ts';

// Markers FTS5 puts around matched words; control characters never occur in
// search words (match-expression strips them) nor in product text (refused on
// input), so they cannot be confused with text.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** A search finding fewer products than this tries the closest catalog words. */
export const FEW_RESULTS = 3;

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
  /** The query as the shopper typed it. */
  originalQuery: string;
  /** The spelling-corrected query these results are for, when the original found too little; otherwise null. */
  correctedQuery: string | null;
}

export interface SearchOptions extends SearchFilters {
  q: string;
  sort: SearchSort;
  page: number;
  pageSize: number;
  lowStockThreshold: number;
  /** Search the words as typed: no spelling correction. */
  exact?: boolean;
}

/** Splits FTS5 highlight output into plain segments, so no HTML crosses the wire. */
function toSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [i, part] of marked.split(new RegExp(`[${OPEN}${CLOSE}]`)).entries()) {
    if (part) segments.push({ text: part, match: i % 2 === 1 });
  }
  return segments;
}

/** Condition over products `p`: within the price range (true when there is none). */
function inPriceRange(filters: SearchFilters): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filters.minPriceCents !== undefined) conditions.push(sql<boolean>`p."priceCents" >= ${filters.minPriceCents}`);
  if (filters.maxPriceCents !== undefined) conditions.push(sql<boolean>`p."priceCents" <= ${filters.maxPriceCents}`);
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`1`;
}

const EMPTY_FACETS: SearchFacets = { categories: [], price: { min: null, max: null } };

/** Min above max is taken as the prices between the two (a shopper who typed them the wrong way round), not as nothing. */
function orderPriceRange(filters: SearchFilters): SearchFilters {
  const { minPriceCents: min, maxPriceCents: max } = filters;
  return min !== undefined && max !== undefined && min > max ? { ...filters, minPriceCents: max, maxPriceCents: min } : filters;
}

type Found = Omit<SearchResult, 'originalQuery' | 'correctedQuery'>;

/** One product of a page, as a JSON array (see PAGE_COLUMNS). */
type PageRow = [id: number, slug: string, name: string, priceCents: number, currency: string, imageUrl: string, stock: number, tier: number];
const PAGE_COLUMNS = sql`p.id, p.slug, p.name, p."priceCents", p.currency, p."imageUrl", p.stock, p.tier`;

/**
 * One search of the text over every tier: a page of hits, the total and the
 * facets, in one statement. `hits` (the active matches that pass the in-stock
 * filter, flagged for the category and price filters) is computed once and
 * read four times; each facet ignores its own filter, so the shopper can widen
 * it again. Plain SQL rather than the query builder: this runs on every search
 * and building this statement with Kysely cost as much as running it.
 */
async function searchOnce(db: Db, text: string, filters: SearchFilters, opts: SearchOptions): Promise<Found> {
  const paging = { page: opts.page, pageSize: opts.pageSize };
  const priceFilter = { minPriceCents: filters.minPriceCents ?? null, maxPriceCents: filters.maxPriceCents ?? null };
  const expressions = tierExpressions(text);
  if (!expressions) return { items: [], total: 0, ...paging, facets: EMPTY_FACETS, priceFilter };

  // Best tier first, best bm25 score within it; the other sorts as on category pages.
  const order = opts.sort === 'relevance' ? [sql`p.tier`, sql`p.score`, sql`p.id`] : PRODUCT_ORDER[opts.sort];
  const inCategoryFlag = filters.categoryId === undefined ? sql`1` : inCategory(filters.categoryId);
  const { rows } = await sql<{ items: string; total: number; minPrice: number | null; maxPrice: number | null; categories: string }>`
    WITH m AS ${matchedProducts(expressions)},
    hits AS MATERIALIZED (
      -- CROSS JOIN (here and below) makes SQLite drive the query from the matches;
      -- with a plain join it may scan every product (or category) instead.
      SELECT p.id, p.slug, p.name, p."priceCents", p.currency, p."imageUrl", p.stock, p.featured, p."createdAt",
        m.tier, m.score, ${inCategoryFlag} AS "inCategory", ${inPriceRange(filters)} AS "inPrice"
      FROM m CROSS JOIN products p
      WHERE p.id = m.id AND p.active = 1 ${filters.inStock ? sql`AND p.stock > 0` : sql``}
    )
    SELECT
      (SELECT json_group_array(json_array(${PAGE_COLUMNS})) FROM (
        SELECT ${PAGE_COLUMNS} FROM hits p WHERE p."inCategory" AND p."inPrice"
        ORDER BY ${sql.join(order)} LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}
      ) p) AS items,
      (SELECT count(*) FROM hits WHERE "inCategory" AND "inPrice") AS total,
      (SELECT min("priceCents") FROM hits WHERE "inCategory") AS "minPrice",
      (SELECT max("priceCents") FROM hits WHERE "inCategory") AS "maxPrice",
      (SELECT json_group_array(json_array(slug, name, count)) FROM (
        SELECT c.slug, c.name, count(*) AS count
        FROM hits CROSS JOIN product_categories pc CROSS JOIN categories c
        WHERE pc."productId" = hits.id AND c.id = pc."categoryId" AND hits."inPrice"
        GROUP BY c.id ORDER BY count DESC, c."sortOrder"
      )) AS categories`.execute(db);
  const found = rows[0]!;
  const page = (JSON.parse(found.items) as PageRow[]).map(([id, slug, name, priceCents, currency, imageUrl, stock, tier]) => ({
    id, slug, name, priceCents, currency, imageUrl, stock, tier,
  }));
  const categories = (JSON.parse(found.categories) as [string, string, number][]).map(([slug, name, count]) => ({ slug, name, count }));

  // Highlights and snippets for this page's rows only, each from the index its tier matched in.
  const marked = await markedText(db, expressions, page, { open: OPEN, close: CLOSE, ellipsis: '…' });
  return {
    items: page.map(({ tier: _tier, ...row }) => {
      const marks = marked.get(row.id);
      return {
        ...row,
        stockStatus: stockStatus(row.stock, opts.lowStockThreshold),
        nameHighlight: marks ? toSegments(marks.name) : [{ text: row.name, match: false }],
        snippet: marks ? toSegments(marks.snippet) : [],
      };
    }),
    total: found.total,
    ...paging,
    facets: { categories, price: { min: found.minPrice, max: found.maxPrice } },
    priceFilter,
  };
}

export async function searchProducts(db: Db, opts: SearchOptions): Promise<SearchResult> {
  const filters = orderPriceRange(opts);
  const found = await searchOnce(db, opts.q, filters, opts);
  const original = { ...found, originalQuery: opts.q, correctedQuery: null };
  if (opts.exact || found.total >= FEW_RESULTS) return original;
  const corrected = await correctQuery(db, opts.q);
  if (!corrected) return original;
  const retry = await searchOnce(db, corrected, filters, opts);
  // The correction stands only when it finds more than what was typed.
  return retry.total > found.total ? { ...retry, originalQuery: opts.q, correctedQuery: corrected } : original;
}
