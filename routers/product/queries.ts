// Catalog reads: product pages and category counts, for shoppers (active products only).
import type { Db } from '../../db/database.ts';
import type { Paged } from '../shared/schemas.ts';

export const PRODUCT_SORTS = ['featured', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
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
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

export function stockStatus(stock: number, lowStockThreshold: number): StockStatus {
  if (stock <= 0) return 'out_of_stock';
  return stock <= lowStockThreshold ? 'low_stock' : 'in_stock';
}

export async function findCategory(db: Db, slug: string) {
  return db.selectFrom('categories').select(['id', 'slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst();
}

export async function listProducts(
  db: Db,
  opts: { categoryId?: number; page: number; pageSize: number; sort: ProductSort; lowStockThreshold: number },
): Promise<Paged<ProductSummary>> {
  let base = db.selectFrom('products as p').where('p.active', '=', 1);
  if (opts.categoryId !== undefined) {
    const categoryId = opts.categoryId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('product_categories as pc')
          .select('pc.productId')
          .whereRef('pc.productId', '=', 'p.id')
          .where('pc.categoryId', '=', categoryId),
      ),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let query = base.select(['p.id', 'p.slug', 'p.name', 'p.priceCents', 'p.currency', 'p.imageUrl', 'p.stock']);
  switch (opts.sort) {
    case 'featured':
      query = query.orderBy('p.featured', 'desc').orderBy((eb) => eb(eb.ref('p.stock'), '>', 0), 'desc').orderBy('p.id');
      break;
    case 'newest':
      query = query.orderBy('p.createdAt', 'desc').orderBy('p.id', 'desc');
      break;
    case 'price_asc':
      query = query.orderBy('p.priceCents').orderBy('p.id');
      break;
    case 'price_desc':
      query = query.orderBy('p.priceCents', 'desc').orderBy('p.id');
      break;
    case 'name':
      query = query.orderBy('p.name').orderBy('p.id');
      break;
  }
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
    .select(['c.slug', 'c.name', 'c.description'])
    .select((eb) => eb.fn.count<number>('p.id').as('productCount'))
    .groupBy('c.id')
    .orderBy('c.sortOrder')
    .orderBy('c.name')
    .execute();
}
