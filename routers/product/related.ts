// Products a shopper may want instead of or beside this one: the active products sharing one of
// its categories, the newest first, those in stock before sold-out ones (a sold-out product's
// page offers them as alternatives). Each category is read in its index's own order
// (categoryId, productId) and stops at `limit`: a product page pays for a few rows, however
// large its categories.
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
  const newestOf = (categoryId: number, inStock: boolean, limit: number) =>
    db
      .selectFrom('product_categories as pc')
      // SQLite keeps a CROSS JOIN's order: the category's index first, not a scan of every product in stock.
      .crossJoin('products as p')
      .whereRef('p.id', '=', 'pc.productId')
      .select(SUMMARY_COLUMNS)
      .where('pc.categoryId', '=', categoryId)
      .where('p.id', '!=', self[0]!.id)
      .where('p.active', '=', 1)
      .where('p.stock', inStock ? '>' : '=', 0)
      .orderBy('pc.productId', 'desc')
      .limit(limit)
      .execute();
  /** The newest `limit` across the categories (a product in two of them counted once). */
  const newest = async (inStock: boolean, limit: number) => {
    const rows = (await Promise.all(self.map(({ categoryId }) => newestOf(categoryId, inStock, limit)))).flat();
    return [...new Map(rows.sort((a, b) => b.id - a.id).map((row) => [row.id, row])).values()].slice(0, limit);
  };
  const inStock = await newest(true, opts.limit);
  const soldOut = inStock.length < opts.limit ? await newest(false, opts.limit - inStock.length) : [];
  return [...inStock, ...soldOut].map((row) => ({ ...row, stockStatus: stockStatus(row.stock, opts.lowStockThreshold) }));
}
