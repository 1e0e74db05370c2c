import type { Kysely } from 'kysely';

// A category's products in product order (newest last), for reading its newest few without
// sorting the whole category (related products on a product page). Replaces the index on
// categoryId alone, which this one covers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('product_categories_category_product').on('product_categories').columns(['categoryId', 'productId']).execute();
  await db.schema.dropIndex('product_categories_category').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('product_categories_category').on('product_categories').column('categoryId').execute();
  await db.schema.dropIndex('product_categories_category_product').execute();
}
