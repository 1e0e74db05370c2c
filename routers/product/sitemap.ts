// What a search engine's sitemap lists of the catalog: every active product and
// every category with something in it, with when each last changed. Read once per
// catalog version (any change, stock included, moves a product's updatedAt), so an
// archived product drops out and a new one appears on the next read.
import type { Db } from '../../db/database.ts';
import { rememberedRead } from './catalog-version.ts';

export interface SitemapEntry {
  slug: string;
  /** Epoch ms of the last change; for a category, of its most recently changed product. */
  updatedAt: number;
}

export interface CatalogSitemap {
  products: SitemapEntry[];
  categories: SitemapEntry[];
}

async function readSitemap(db: Db): Promise<CatalogSitemap> {
  const [products, categories] = await Promise.all([
    db.selectFrom('products').select(['slug', 'updatedAt']).where('active', '=', 1).orderBy('id').execute(),
    // A category with no active product is an empty page: not worth a crawler's visit.
    db
      .selectFrom('categories as c')
      .innerJoin('product_categories as pc', 'pc.categoryId', 'c.id')
      .innerJoin('products as p', (join) => join.onRef('p.id', '=', 'pc.productId').on('p.active', '=', 1))
      .select('c.slug')
      .select((eb) => eb.fn.max('p.updatedAt').as('updatedAt'))
      .groupBy('c.id')
      .orderBy('c.sortOrder')
      .orderBy('c.name')
      .execute(),
  ]);
  return { products, categories: categories.map((c) => ({ slug: c.slug, updatedAt: Number(c.updatedAt) })) };
}

export const catalogSitemap = (db: Db) => rememberedRead(db, 'version', 'product.sitemap', () => readSitemap(db));
