// Idempotent catalog seed: inserts what is missing by slug, never overwrites edits.
// The demo coupons come with it, so every place that seeds a shop offers them.
import type { Db } from '../../db/database.ts';
import { productImagePath } from '../../routers/product/image-path.ts';
import { seedCategories, seedProducts } from './catalog-data.ts';
import { seedCoupons } from './coupons.ts';

export interface SeedProgress {
  (done: number, total: number): void;
}

export async function seedCatalog(db: Db, now: number, progress?: SeedProgress): Promise<{ products: number; coupons: number }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('categories')
      .values(seedCategories.map((c, i) => ({ ...c, sortOrder: i, createdAt: now })))
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    const categoryIds = new Map(
      (await trx.selectFrom('categories').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]),
    );
    let inserted = 0;
    for (const [i, p] of seedProducts.entries()) {
      const result = await trx
        .insertInto('products')
        .values({
          slug: p.slug,
          name: p.name,
          description: p.description,
          priceCents: p.priceCents,
          stock: p.stock,
          imageUrl: productImagePath(p.slug),
          featured: p.featured ? 1 : 0,
          // Spread creation times so "newest" has a stable, meaningful order.
          createdAt: now - (seedProducts.length - i) * 60_000,
          updatedAt: now,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .executeTakeFirst();
      if (result.numInsertedOrUpdatedRows && result.numInsertedOrUpdatedRows > 0n) {
        inserted++;
        const productId = Number(result.insertId);
        await trx
          .insertInto('product_categories')
          .values(p.categories.map((slug) => ({ productId, categoryId: categoryIds.get(slug)! })))
          .execute();
      }
      if ((i + 1) % 20 === 0 || i + 1 === seedProducts.length) progress?.(i + 1, seedProducts.length);
    }
    const { coupons } = await seedCoupons(trx, now);
    return { products: inserted, coupons };
  });
}
