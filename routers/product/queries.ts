// Catalog reads: product pages and category counts, for shoppers (active products only).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Paged } from '../shared/schemas.ts';
import { PRODUCT_ORDER } from './sort-order.ts';
import type { ProductSort } from '../shared/sorting.ts';

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface ProductSummary {
  id: number;
  slug: string;
  name: string;
  priceCents: number;
  currency: string;
  imageUrl: string;
  stock: number;
  stockStatus: StockStatus;
}

export interface CategorySummary {
  id: number;
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

export function stockStatus(stock: number, lowStockThreshold: number): StockStatus {
  if (stock <= 0) return 'out_of_stock';
  return stock <= lowStockThreshold ? 'low_stock' : 'in_stock';
}

/** The columns of a ProductSummary, over products aliased as `p`. */
export const SUMMARY_COLUMNS = ['p.id', 'p.slug', 'p.name', 'p.priceCents', 'p.currency', 'p.imageUrl', 'p.stock'] as const;

/** Condition: product `p` is in the category (checked product by product: for reading products in an index's order). */
export function inCategory(categoryId: number) {
  return sql<boolean>`exists (select 1 from product_categories pc where pc."productId" = p.id and pc."categoryId" = ${categoryId})`;
}

/** The same condition driven from the category's products: for counting them (a large catalog is not scanned). */
function amongCategory(categoryId: number) {
  return sql<boolean>`p.id in (select pc."productId" from product_categories pc where pc."categoryId" = ${categoryId})`;
}

export async function findCategory(db: Db, slug: string) {
  return db.selectFrom('categories').select(['id', 'slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst();
}

export async function listProducts(
  db: Db,
  opts: { categoryId?: number; page: number; pageSize: number; sort: ProductSort; lowStockThreshold: number },
): Promise<Paged<ProductSummary>> {
  const active = db.selectFrom('products as p').where('p.active', '=', 1);
  const counted = opts.categoryId === undefined ? active : active.where(amongCategory(opts.categoryId));
  const { total } = await counted.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let query = (opts.categoryId === undefined ? active : active.where(inCategory(opts.categoryId))).select(SUMMARY_COLUMNS);
  for (const term of PRODUCT_ORDER[opts.sort]) query = query.orderBy(term);
  const rows = await query
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows.map((row) => ({ ...row, stockStatus: stockStatus(row.stock, opts.lowStockThreshold) })),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

export async function listCategories(db: Db): Promise<CategorySummary[]> {
  return db
    .selectFrom('categories as c')
    .leftJoin('product_categories as pc', 'pc.categoryId', 'c.id')
    .leftJoin('products as p', (join) => join.onRef('p.id', '=', 'pc.productId').on('p.active', '=', 1))
    .select(['c.id', 'c.slug', 'c.name', 'c.description'])
    .select((eb) => eb.fn.count<number>('p.id').as('productCount'))
    .groupBy('c.id')
    .orderBy('c.sortOrder')
    .orderBy('c.name')
    .execute();
}
