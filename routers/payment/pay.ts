// Paying an order by card: at most once per order. A short lease on the order
// (chargingUntil) lets one payment at a time through and makes the expiry job
// wait for it; the charged amount is always the order's total in the database.
// Only the brand and last four digits are kept: never the number or the CVV.
import type { AppDeps } from '../context.ts';
import { CheckoutError } from '../checkout/errors.ts';
import { queueOrderConfirmed, queuePaymentFailed } from '../email/notifications.ts';
import { expiryJobKey } from '../order/cancel.ts';
import { OrderError, orderNotFound } from '../order/errors.ts';
import { transition } from '../order/status.ts';
import { validateCard, type CardInput } from './card.ts';
import { charge, newTransactionId, type DeclineCode } from './gateway.ts';

/** Longer than any charge takes; a crashed payment frees the order after this. */
const LEASE_MS = 30_000;

export type PaymentOutcome =
  | { status: 'succeeded'; transactionId: string }
  | { status: 'declined'; declineCode: DeclineCode; message: string };

/** A card checked before anything is written: bad input is the shopper's to fix, named by field. */
export function checkedCard(card: CardInput, now: number) {
  const result = validateCard(card, now);
  if (!result.ok) {
    const issue = result.issues[0]!;
    throw new CheckoutError('INVALID_CARD', issue.message, `card.${issue.path}`);
  }
  return result;
}

type PayDeps = Pick<AppDeps, 'db' | 'clock' | 'scheduler' | 'config' | 'metrics'>;

export async function payOrder(deps: PayDeps, userId: number, orderId: number, card: ReturnType<typeof checkedCard>): Promise<PaymentOutcome> {
  const { db, clock } = deps;
  const now = clock.now();
  const leased = await db
    .updateTable('orders')
    .set({ chargingUntil: now + LEASE_MS })
    .where('id', '=', orderId)
    .where('userId', '=', userId)
    .where('status', '=', 'pending_payment')
    .where('expiresAt', '>', now)
    .where((eb) => eb.or([eb('chargingUntil', 'is', null), eb('chargingUntil', '<=', now)]))
    .executeTakeFirst();
  if (!leased.numUpdatedRows) throw await whyNotPayable(deps, userId, orderId, now);

  const order = await db.selectFrom('orders').select(['totalCents', 'currency']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const result = charge({ number: card.number, amountCents: order.totalCents, currency: order.currency }, newTransactionId());
  const payment = {
    orderId,
    amountCents: order.totalCents,
    currency: order.currency,
    brand: card.brand,
    last4: card.last4,
    createdAt: clock.now(),
  };
  if (result.status === 'declined') {
    const declined = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('payments')
        .values({ ...payment, status: 'declined', transactionId: null, declineCode: result.declineCode })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('orders').set({ chargingUntil: null }).where('id', '=', orderId).execute();
      return row.id;
    });
    deps.metrics?.count('payment', result.declineCode);
    await queuePaymentFailed(deps, orderId, declined, result);
    return result;
  }
  await db.transaction().execute(async (trx) => {
    // The lease kept the order pending_payment, so this cannot lose to the expiry.
    await transition(trx, orderId, 'pending_payment', 'paid', { reason: `Paid by ${card.brand} ending ${card.last4}`, now: clock.now() });
    await trx.insertInto('payments').values({ ...payment, status: 'succeeded', transactionId: result.transactionId, declineCode: null }).execute();
  });
  deps.metrics?.count('payment', 'succeeded');
  deps.metrics?.count('order.paid');
  await deps.scheduler.cancel(expiryJobKey(orderId));
  await queueOrderConfirmed(deps, orderId);
  return result;
}

async function whyNotPayable(deps: PayDeps, userId: number, orderId: number, now: number) {
  const order = await deps.db
    .selectFrom('orders')
    .select(['status', 'expiresAt'])
    .where('id', '=', orderId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!order) return orderNotFound();
  if (order.status === 'paid' || order.status === 'shipped' || order.status === 'completed') {
    return new CheckoutError('ORDER_NOT_PAYABLE', 'This order is already paid.');
  }
  if (order.status !== 'pending_payment') return new CheckoutError('ORDER_NOT_PAYABLE', `This order is ${order.status.replace('_', ' ')} and cannot be paid.`);
  if (order.expiresAt <= now) return new CheckoutError('PAYMENT_WINDOW_CLOSED', 'The time to pay for this order has run out.');
  return new OrderError('PAYMENT_IN_PROGRESS', 'A payment for this order is in progress. Please wait a moment.');
}
