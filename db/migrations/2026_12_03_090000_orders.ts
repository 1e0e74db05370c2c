import { sql, type Kysely } from 'kysely';

// Coupons, orders with their lines, status history and payments, idempotency keys,
// and the durable jobs table of the local scheduler. Money in cents, times in epoch ms.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coupons')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique()) // stored upper-case: codes match case-insensitively
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('percent', 'fixed')`))
    .addColumn('percent', 'integer', (c) => c.check(sql`percent BETWEEN 1 AND 100`))
    .addColumn('amountCents', 'integer', (c) => c.check(sql`"amountCents" > 0`))
    .addColumn('minSubtotalCents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('startsAt', 'integer')
    .addColumn('endsAt', 'integer')
    .addColumn('maxRedemptions', 'integer')
    .addColumn('maxPerCustomer', 'integer')
    .addColumn('redemptionCount', 'integer', (c) => c.notNull().defaultTo(0).check(sql`"redemptionCount" >= 0`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('updatedAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('coupon_redemptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('couponId', 'integer', (c) => c.notNull().references('coupons.id'))
    .addColumn('userId', 'integer', (c) => c.notNull())
    .addColumn('orderId', 'integer', (c) => c.notNull().unique())
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('releasedAt', 'integer')
    .execute();
  await db.schema.createIndex('coupon_redemptions_user').on('coupon_redemptions').columns(['couponId', 'userId']).execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('userId', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded')`),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('shippingAddress', 'text', (c) => c.notNull()) // JSON
    .addColumn('subtotalCents', 'integer', (c) => c.notNull())
    .addColumn('discountCents', 'integer', (c) => c.notNull())
    .addColumn('shippingCents', 'integer', (c) => c.notNull())
    .addColumn('taxCents', 'integer', (c) => c.notNull())
    .addColumn('totalCents', 'integer', (c) => c.notNull().check(sql`"totalCents" >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('couponCode', 'text')
    .addColumn('expiresAt', 'integer', (c) => c.notNull())
    // A payment under way holds the order until then: expiry waits, a second payment is refused.
    .addColumn('chargingUntil', 'integer')
    .addColumn('cancelReason', 'text')
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('updatedAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_user').on('orders').columns(['userId', 'id']).execute();
  await db.schema.createIndex('orders_status').on('orders').columns(['status', 'expiresAt']).execute();
  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('orderId', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('productId', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('imageUrl', 'text', (c) => c.notNull())
    .addColumn('unitPriceCents', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('lineTotalCents', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_lines_order').on('order_lines').column('orderId').execute();
  await db.schema
    .createTable('order_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('orderId', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('fromStatus', 'text')
    .addColumn('toStatus', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').column('orderId').execute();
  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('orderId', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('amountCents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('succeeded', 'declined', 'refunded')`))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('transactionId', 'text')
    .addColumn('declineCode', 'text')
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_order').on('payments').column('orderId').execute();
  // The last guard of "charged at most once": one successful payment per order.
  await sql`CREATE UNIQUE INDEX payments_one_success ON payments ("orderId") WHERE status = 'succeeded'`.execute(db);

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('userId', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('requestHash', 'text', (c) => c.notNull())
    .addColumn('response', 'text') // JSON of the first result; null while it runs
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['userId', 'scope', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_time').on('idempotency_keys').column('createdAt').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('runAt', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'running', 'done', 'failed', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lastError', 'text')
    .addColumn('lockedUntil', 'integer')
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('updatedAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'runAt']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['jobs', 'idempotency_keys', 'payments', 'order_events', 'order_lines', 'orders', 'coupon_redemptions', 'coupons']) {
    await db.schema.dropTable(table).execute();
  }
}
