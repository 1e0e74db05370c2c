import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key to products: lines of products that disappear are shown as
  // unavailable (or skipped) when the cart is priced, as in the Durable Object store.
  await db.schema
    .createTable('cart_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('cartId', 'text', (c) => c.notNull())
    .addColumn('productId', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('updatedAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cart_items_line').on('cart_items').columns(['cartId', 'productId']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cart_items').execute();
}
