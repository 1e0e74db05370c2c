// Cancelling an unpaid order, by its deadline (the order.expire job) or by the
// shopper: the order becomes cancelled once, its units go back on the shelf and
// its coupon use is given back, all in one transaction. Running it again, or
// after the order was paid, changes nothing (jobs are delivered at least once).
import type { AppDeps } from '../context.ts';
import { releaseCoupon } from '../coupon/coupons.ts';
import { queueOrderCancelled } from '../email/notifications.ts';
import { OrderError } from './errors.ts';
import { restock, transition } from './status.ts';

export type CancelReason = 'timeout' | 'shopper';

const REASONS: Record<CancelReason, string> = {
  timeout: 'Not paid in time',
  shopper: 'Cancelled by the customer',
};

/** The order's payment timer, as scheduled at checkout and cancelled on payment. */
export const expiryJobKey = (orderId: number) => `order.expire:${orderId}`;

type CancelDeps = Pick<AppDeps, 'db' | 'clock' | 'scheduler' | 'config' | 'metrics'>;

/**
 * True when this call cancelled the order; false when it was no longer waiting for payment.
 * Once committed, the shopper's email about it is queued.
 */
export async function cancelOrder(deps: CancelDeps, orderId: number, why: CancelReason): Promise<boolean> {
  const now = deps.clock.now();
  const cancelled = await deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').select(['status', 'expiresAt', 'chargingUntil']).where('id', '=', orderId).executeTakeFirst();
    if (order?.status !== 'pending_payment') return false;
    // A payment under way decides first; the job is retried after it (at least once, so never lost).
    if (order.chargingUntil !== null && order.chargingUntil > now) {
      throw new OrderError('PAYMENT_IN_PROGRESS', 'A payment for this order is in progress. Please wait a moment.');
    }
    if (why === 'timeout' && now < order.expiresAt) throw new Error(`order ${orderId} is not due to expire yet`);
    if (!(await transition(trx, orderId, 'pending_payment', 'cancelled', { reason: REASONS[why], now, cancelReason: why }))) return false;
    await restock(trx, orderId);
    await releaseCoupon(trx, orderId, now);
    return true;
  });
  if (cancelled) deps.metrics?.count('order.cancelled', why);
  if (cancelled) await queueOrderCancelled(deps, orderId, why);
  return cancelled;
}

/** The order.expire job. */
export async function expireOrder(deps: CancelDeps, orderId: number): Promise<void> {
  if (await cancelOrder(deps, orderId, 'timeout')) return;
  // Cancelled by an earlier delivery that failed before its email was queued: queue it now (its key keeps it to one).
  const order = await deps.db.selectFrom('orders').select(['status', 'cancelReason']).where('id', '=', orderId).executeTakeFirst();
  if (order?.status === 'cancelled' && order.cancelReason === 'timeout') await queueOrderCancelled(deps, orderId, 'timeout');
}
