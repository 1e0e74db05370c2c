// How product lists are ordered, shared by the category listing and search.
// Every order ends on the id so pages never overlap or skip a product.
import { sql, type RawBuilder } from 'kysely';

export const PRODUCT_SORTS = ['featured', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const SEARCH_SORTS = ['relevance', ...PRODUCT_SORTS] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** ORDER BY terms over products aliased as `p`. */
export const PRODUCT_ORDER: Record<ProductSort, RawBuilder<unknown>[]> = {
  // In-stock featured products first, then the rest in catalog order.
  featured: [sql`p.featured desc`, sql`p.stock > 0 desc`, sql`p.id`],
  newest: [sql`p."createdAt" desc`, sql`p.id desc`],
  price_asc: [sql`p."priceCents"`, sql`p.id`],
  price_desc: [sql`p."priceCents" desc`, sql`p.id`],
  name: [sql`p.name`, sql`p.id`],
};
