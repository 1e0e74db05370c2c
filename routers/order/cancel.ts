// Cancelling an unpaid order, by its deadline (the order.expire job) or by the
// shopper: the order becomes cancelled once, its units go back on the shelf and
// its coupon use is given back, all in one transaction. Running it again, or
// after the order was paid, changes nothing (jobs are delivered at least once).
import type { AppDeps } from '../context.ts';
import { releaseCoupon } from '../coupon/coupons.ts';
import { OrderError } from './errors.ts';
import { restock, transition } from './status.ts';

export type CancelReason = 'timeout' | 'shopper';

const REASONS: Record<CancelReason, string> = {
  timeout: 'Not paid in time',
  shopper: 'Cancelled by the customer',
};

/** The order's payment timer, as scheduled at checkout and cancelled on payment. */
export const expiryJobKey = (orderId: number) => `order.expire:${orderId}`;

/** True when this call cancelled the order; false when it was no longer waiting for payment. */
export async function cancelOrder(deps: Pick<AppDeps, 'db' | 'clock'>, orderId: number, why: CancelReason): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
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
}

/** The order.expire job. */
export async function expireOrder(deps: Pick<AppDeps, 'db' | 'clock'>, orderId: number): Promise<void> {
  await cancelOrder(deps, orderId, 'timeout');
}
