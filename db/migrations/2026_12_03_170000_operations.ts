import type { Kysely } from 'kysely';

// For the operators. Indexes for the admin dashboard, so its figures stay fast on a
// large shop: low-stock products (active ones, by stock, without reading the
// catalog), orders and revenue by the time placed (covering: no table reads), open
// carts by their last change (covering), and failed jobs newest first (also the jobs
// page's order). And each job's traceparent: the trace of the request that queued
// it, which the job's own trace links to (server/tracing.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('traceparent', 'text').execute();
  await db.schema.createIndex('products_active_stock').on('products').columns(['active', 'stock']).execute();
  await db.schema.createIndex('orders_created').on('orders').columns(['createdAt', 'status', 'totalCents']).execute();
  await db.schema.createIndex('cart_items_updated').on('cart_items').columns(['updatedAt', 'cartId']).execute();
  await db.schema.createIndex('jobs_status_updated').on('jobs').columns(['status', 'updatedAt']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['jobs_status_updated', 'cart_items_updated', 'orders_created', 'products_active_stock']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('jobs').dropColumn('traceparent').execute();
}
