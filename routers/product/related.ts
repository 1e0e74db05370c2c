// Products a shopper may want instead of or beside this one: the active products sharing one of
// its categories, those in stock first (a sold-out product's page offers them as alternatives).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { stockStatus, SUMMARY_COLUMNS, type ProductSummary } from './queries.ts';

export async function relatedProducts(
  db: Db,
  opts: { slug: string; limit: number; lowStockThreshold: number },
): Promise<ProductSummary[]> {
  const sameCategory = db
    .selectFrom('product_categories as theirs')
    .innerJoin('product_categories as ours', 'ours.categoryId', 'theirs.categoryId')
    .innerJoin('products as self', 'self.id', 'ours.productId')
    .select('theirs.productId')
    .where('self.slug', '=', opts.slug);
  const rows = await db
    .selectFrom('products as p')
    .select(SUMMARY_COLUMNS)
    .where('p.active', '=', 1)
    .where('p.slug', '!=', opts.slug)
    .where('p.id', 'in', sameCategory)
    .orderBy(sql`p.stock > 0`, 'desc')
    .orderBy('p.featured', 'desc')
    .orderBy('p.id')
    .limit(opts.limit)
    .execute();
  return rows.map((row) => ({ ...row, stockStatus: stockStatus(row.stock, opts.lowStockThreshold) }));
}
