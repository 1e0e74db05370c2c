// What the people running the shop do with an order after it is paid: ship it,
// complete it, or refund it (a simulated refund of the card payment, optionally
// putting the units back on the shelf). Each step is a conditional transition.
import type { AppDeps } from '../context.ts';
import type { Trx } from '../../db/database.ts';
import type { OrderStatus } from '../../db/tables/order.ts';
import { queueOrderShipped } from '../email/notifications.ts';
import { OrderError, orderNotFound } from './errors.ts';
import { restock, transition } from './status.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

async function step(deps: Deps, orderId: number, from: OrderStatus, to: OrderStatus, reason: string, after?: (trx: Trx) => Promise<void>) {
  const now = deps.clock.now();
  const changed = await deps.db.transaction().execute(async (trx) => {
    if (!(await transition(trx, orderId, from, to, { reason, now }))) return false;
    await after?.(trx);
    return true;
  });
  if (changed) return;
  const order = await deps.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!order) throw orderNotFound();
  throw new OrderError('ILLEGAL_TRANSITION', `Order #${orderId} is ${order.status.replace('_', ' ')}; it cannot become ${to.replace('_', ' ')}.`);
}

/** Ships a paid order and queues the shopper's "on its way" email. */
export async function markShipped(deps: Deps & Pick<AppDeps, 'scheduler' | 'config'>, orderId: number): Promise<void> {
  await step(deps, orderId, 'paid', 'shipped', 'Shipped');
  await queueOrderShipped(deps, orderId);
}

export const completeOrder = (deps: Deps, orderId: number) => step(deps, orderId, 'shipped', 'completed', 'Delivered');

export const refundOrder = (deps: Deps, orderId: number, { restock: putBack = false } = {}) =>
  step(deps, orderId, 'paid', 'refunded', putBack ? 'Refunded, items restocked' : 'Refunded', async (trx) => {
    await trx.updateTable('payments').set({ status: 'refunded' }).where('orderId', '=', orderId).where('status', '=', 'succeeded').execute();
    if (putBack) await restock(trx, orderId);
  });
