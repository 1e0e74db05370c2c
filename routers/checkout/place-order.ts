// Placing an order: price the cart as the preview does, then in one transaction
// reserve each line's stock with a conditional update, write the order with a
// snapshot of its lines, and redeem the coupon under its limits; any failure
// writes nothing. Then the payment timer, the cart emptied, and the card charged.
import type { Context } from '../context.ts';
import type { Address } from '../user/schemas.ts';
import { redeemCoupon } from '../coupon/coupons.ts';
import { userCartId } from '../cart/cart-id.ts';
import { expiryJobKey } from '../order/cancel.ts';
import { checkedCard, payOrder, type PaymentOutcome } from '../payment/pay.ts';
import type { CardInput } from '../payment/card.ts';
import { CheckoutError } from './errors.ts';
import { once, requestHash } from './idempotency.ts';
import { priceCheckout } from './preview.ts';

/** The address an order ships to: the address book's shape. */
export type ShippingAddress = Address;

export interface PlaceOrderInput {
  idempotencyKey: string;
  email: string;
  shippingAddress: ShippingAddress;
  couponCode?: string;
  card?: CardInput;
}

export interface PlacedOrder {
  orderId: number;
  status: 'pending_payment' | 'paid';
  totalCents: number;
  currency: string;
  expiresAt: number;
  payment: { status: 'succeeded' | 'declined' | 'not_attempted'; transactionId?: string; declineCode?: string; message?: string };
}

type CheckoutContext = Pick<Context, 'db' | 'carts' | 'config' | 'clock' | 'scheduler' | 'metrics'>;

export async function placeOrder(ctx: CheckoutContext, userId: number, input: PlaceOrderInput): Promise<PlacedOrder> {
  const now = ctx.clock.now();
  // The card is checked first: a typo in it is fixed on the form, before any order exists.
  const card = input.card && checkedCard(input.card, now);
  const { idempotencyKey, card: _card, ...asked } = input;
  const inputHash = await requestHash({ ...asked, card: card && [card.last4, input.card!.expMonth, input.card!.expYear] });
  const cart = await ctx.carts.get(userCartId(userId));
  const fullHash = `${inputHash}:${await requestHash(cart)}`;
  return once(
    ctx.db,
    {
      userId,
      scope: 'checkout',
      key: idempotencyKey,
      requestHash: fullHash,
      // A replay after success finds the cart this key emptied; any other cart is a different order.
      sameRequest: (first) => first === fullHash || (first.startsWith(`${inputHash}:`) && cart.length === 0),
      now,
    },
    () => place(ctx, userId, input, card),
  );
}

async function place(ctx: CheckoutContext, userId: number, input: PlaceOrderInput, card: ReturnType<typeof checkedCard> | undefined) {
  const now = ctx.clock.now();
  const priced = await priceCheckout(ctx, userId, input.couponCode);
  if (priced.problems.length) throw new CheckoutError('CART_NOT_READY', priced.problems.map((p) => p.message).join(' '));
  const expiresAt = now + ctx.config.orderPaymentTimeoutSeconds * 1000;

  const orderId = await ctx.db.transaction().execute(async (trx) => {
    for (const line of priced.lines) {
      const reserved = await trx
        .updateTable('products')
        .set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
        .where('id', '=', line.productId)
        .where('active', '=', 1)
        .where('stock', '>=', line.quantity)
        .executeTakeFirst();
      if (!reserved.numUpdatedRows) {
        throw new CheckoutError('OUT_OF_STOCK', `Sorry, ${line.name} sold out while you were checking out. Please update your cart.`);
      }
    }
    const { id } = await trx
      .insertInto('orders')
      .values({
        userId,
        status: 'pending_payment',
        email: input.email,
        shippingAddress: JSON.stringify(input.shippingAddress),
        subtotalCents: priced.subtotalCents,
        discountCents: priced.discountCents,
        shippingCents: priced.shippingCents,
        taxCents: priced.taxCents,
        totalCents: priced.totalCents,
        currency: priced.currency,
        couponCode: priced.coupon?.code ?? null,
        expiresAt,
        chargingUntil: null,
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('order_lines')
      .values(priced.lines.map((line) => ({ orderId: id, ...line })))
      .execute();
    await trx.insertInto('order_events').values({ orderId: id, fromStatus: null, toStatus: 'pending_payment', reason: 'Order placed', at: now }).execute();
    if (priced.couponId !== undefined && !(await redeemCoupon(trx, { couponId: priced.couponId, userId, orderId: id, now }))) {
      throw new CheckoutError('COUPON_UNAVAILABLE', `The coupon ${priced.coupon!.code} has just been used up. Please remove it and try again.`);
    }
    return id;
  });
  ctx.metrics?.count('order.placed');

  await ctx.scheduler.schedule('order.expire', { orderId }, { at: expiresAt, key: expiryJobKey(orderId) });
  await ctx.carts.clear(userCartId(userId));

  const payment: PaymentOutcome | null = card ? await payOrder(ctx, userId, orderId, card) : null;
  return {
    orderId,
    status: payment?.status === 'succeeded' ? 'paid' : 'pending_payment',
    totalCents: priced.totalCents,
    currency: priced.currency,
    expiresAt,
    payment: payment ?? { status: 'not_attempted' },
  } satisfies PlacedOrder;
}
