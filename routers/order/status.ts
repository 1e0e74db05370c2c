// Order status changes: every one a conditional update from the statuses it may
// leave, recorded in the order's history. Zero rows changed means another change
// won (paid before it expired, cancelled before it was paid): nothing is written.
import type { Trx } from '../../db/database.ts';
import type { OrderStatus } from '../../db/tables/order.ts';

export async function transition(
  trx: Trx,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  { reason, now, cancelReason }: { reason: string; now: number; cancelReason?: string },
): Promise<boolean> {
  const changed = await trx
    .updateTable('orders')
    .set({ status: to, updatedAt: now, chargingUntil: null, ...(cancelReason ? { cancelReason } : {}) })
    .where('id', '=', orderId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (!changed.numUpdatedRows) return false;
  await trx.insertInto('order_events').values({ orderId, fromStatus: from, toStatus: to, reason, at: now }).execute();
  return true;
}

/** Puts the order's units back on the shelf (cancellation, refund with restock). */
export async function restock(trx: Trx, orderId: number): Promise<void> {
  const lines = await trx.selectFrom('order_lines').select(['productId', 'quantity']).where('orderId', '=', orderId).execute();
  for (const line of lines) {
    await trx.updateTable('products').set((eb) => ({ stock: eb('stock', '+', line.quantity) })).where('id', '=', line.productId).execute();
  }
}
