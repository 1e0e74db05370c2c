// Stock changes made by admins. Each one is a conditional UPDATE plus a ledger row
// (who, delta, reason, stock after) in the same transaction, so stock never goes
// below zero and no change goes unrecorded, however many run at once.
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { StockAdjustment } from '../../db/tables/catalog.ts';
import { CatalogError } from './errors.ts';

export interface StockChange {
  actorUserId: number;
  reason: string;
  now: number;
}

export async function recordAdjustment(
  trx: Trx,
  productId: number,
  delta: number,
  stockAfter: number,
  change: StockChange,
): Promise<StockAdjustment> {
  return trx
    .insertInto('stock_adjustments')
    .values({ productId, delta, stockAfter, actorUserId: change.actorUserId, reason: change.reason, createdAt: change.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function currentStock(trx: Trx, productId: number): Promise<number> {
  const row = await trx.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirst();
  if (!row) throw new CatalogError('PRODUCT_NOT_FOUND', 'There is no such product.');
  return row.stock;
}

/** Adds delta (negative to remove) unless that would leave less than zero. */
export async function adjustStock(db: Db, productId: number, delta: number, change: StockChange): Promise<StockAdjustment> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('products')
      .set({ stock: sql`stock + ${delta}`, updatedAt: change.now })
      .where('id', '=', productId)
      .where(sql<boolean>`stock + ${delta} >= 0`)
      .returning('stock')
      .executeTakeFirst();
    if (!updated) {
      const stock = await currentStock(trx, productId);
      throw new CatalogError('STOCK_BELOW_ZERO', `Only ${stock} in stock: cannot remove ${-delta}.`);
    }
    return recordAdjustment(trx, productId, delta, updated.stock, change);
  });
}

/** Sets the counted stock; records the difference (nothing when it is unchanged). */
export async function setStock(db: Db, productId: number, stock: number, change: StockChange): Promise<StockAdjustment | null> {
  return db.transaction().execute(async (trx) => {
    // The transaction holds the write lock, so no other change lands between read and write.
    const before = await currentStock(trx, productId);
    if (before === stock) return null;
    await trx.updateTable('products').set({ stock, updatedAt: change.now }).where('id', '=', productId).execute();
    return recordAdjustment(trx, productId, stock - before, stock, change);
  });
}

/** The latest stock changes of a product, each with the email of the admin who made it (null once that account is gone). */
export function stockHistory(db: Db, productId: number, limit = 20): Promise<(StockAdjustment & { actorEmail: string | null })[]> {
  return db
    .selectFrom('stock_adjustments as s')
    .leftJoin('users as u', 'u.id', 's.actorUserId')
    .selectAll('s')
    .select('u.email as actorEmail')
    .where('s.productId', '=', productId)
    .orderBy('s.createdAt', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}
