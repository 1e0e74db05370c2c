// One product as its page shows it: everything a shopper sees, with its categories.
import type { Db } from '../../db/database.ts';
import { stockStatus, type ProductSummary } from './queries.ts';

export type ProductKey = { slug: string } | { id: number };

export interface ProductDetail extends ProductSummary {
  description: string;
  categories: { slug: string; name: string }[];
}

/** The active product with that slug or id, or undefined (archived products are not for sale). */
export async function findProduct(db: Db, key: ProductKey, lowStockThreshold: number): Promise<ProductDetail | undefined> {
  const product = await db
    .selectFrom('products as p')
    .select(['p.id', 'p.slug', 'p.name', 'p.description', 'p.priceCents', 'p.currency', 'p.imageUrl', 'p.stock'])
    .where('p.active', '=', 1)
    .where((eb) => ('slug' in key ? eb('p.slug', '=', key.slug) : eb('p.id', '=', key.id)))
    .executeTakeFirst();
  if (!product) return undefined;
  const categories = await productCategories(db, product.id);
  return { ...product, stockStatus: stockStatus(product.stock, lowStockThreshold), categories };
}

export function productCategories(db: Db, productId: number) {
  return db
    .selectFrom('product_categories as pc')
    .innerJoin('categories as c', 'c.id', 'pc.categoryId')
    .select(['c.slug', 'c.name'])
    .where('pc.productId', '=', productId)
    .orderBy('c.sortOrder')
    .execute();
}
