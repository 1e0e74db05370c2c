// Products a shopper may want instead of or beside this one: the active products sharing one of
// its categories, those in stock first (a sold-out product's page offers them as alternatives).
// Each part is read in the category index's own order and stops at `limit`: a product page
// pays for a few rows, however large its category.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { stockStatus, SUMMARY_COLUMNS, type ProductSummary } from './queries.ts';

export async function relatedProducts(
  db: Db,
  opts: { slug: string; limit: number; lowStockThreshold: number },
): Promise<ProductSummary[]> {
  const self = await db
    .selectFrom('products as p')
    .innerJoin('product_categories as pc', 'pc.productId', 'p.id')
    .select(['p.id', 'pc.categoryId'])
    .where('p.slug', '=', opts.slug)
    .execute();
  if (!self.length) return [];
  const categoryIds = self.map((row) => row.categoryId);
  const inCategories = (inStock: boolean, limit: number) =>
    db
      .selectFrom('product_categories as pc')
      // SQLite keeps a CROSS JOIN's order: the category's index first, not a scan of every product in stock.
      .crossJoin('products as p')
      .whereRef('p.id', '=', 'pc.productId')
      .select(SUMMARY_COLUMNS)
      .where('pc.categoryId', 'in', categoryIds)
      .where('p.id', '!=', self[0]!.id)
      .where('p.active', '=', 1)
      .where('p.stock', inStock ? '>' : '=', 0)
      .orderBy(sql`pc.rowid`)
      // A product in two of the categories comes twice: room for the repeats.
      .limit(limit * categoryIds.length)
      .execute();
  const rows = new Map<number, Awaited<ReturnType<typeof inCategories>>[number]>();
  for (const row of await inCategories(true, opts.limit)) if (rows.size < opts.limit) rows.set(row.id, row);
  if (rows.size < opts.limit) {
    for (const row of await inCategories(false, opts.limit - rows.size)) if (rows.size < opts.limit) rows.set(row.id, row);
  }
  return [...rows.values()].map((row) => ({ ...row, stockStatus: stockStatus(row.stock, opts.lowStockThreshold) }));
}
