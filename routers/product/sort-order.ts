// How product lists are ordered in SQL. Every order ends on the id so pages never
// overlap or skip a product.
import { sql, type RawBuilder } from 'kysely';
import type { ProductSort } from '../shared/sorting.ts';

/** ORDER BY terms over products aliased as `p`. */
export const PRODUCT_ORDER: Record<ProductSort, RawBuilder<unknown>[]> = {
  // In-stock featured products first, the most recently featured first, then the rest in catalog order.
  featured: [sql`p.featured desc`, sql`p.stock > 0 desc`, sql`p."featuredAt" desc nulls last`, sql`p.id`],
  newest: [sql`p."createdAt" desc`, sql`p.id desc`],
  price_asc: [sql`p."priceCents"`, sql`p.id`],
  price_desc: [sql`p."priceCents" desc`, sql`p.id`],
  name: [sql`p.name`, sql`p.id`],
};
