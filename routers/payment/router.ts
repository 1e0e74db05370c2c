// payment.pay and payment.list: a shopper pays their own pending order, once per idempotency key.
import * as v from 'valibot';
import { idempotencyKey } from '../checkout/router.ts';
import { once, requestHash } from '../checkout/idempotency.ts';
import { getOrder, listPayments } from '../order/queries.ts';
import { id } from '../shared/schemas.ts';
import { authedProcedure, router } from '../trpc.ts';
import { checkedCard, payOrder } from './pay.ts';
import { cardInput } from './schemas.ts';

export const paymentRouter = router({
  pay: authedProcedure.input(v.object({ orderId: id, card: cardInput, idempotencyKey })).mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    const card = checkedCard(input.card, now);
    const hash = await requestHash([input.orderId, card.last4, input.card.expMonth, input.card.expYear]);
    const call = { userId: ctx.session.userId, scope: 'payment' as const, key: input.idempotencyKey, requestHash: hash, now };
    return once(ctx.db, call, () => payOrder(ctx, ctx.session.userId, input.orderId, card));
  }),
  list: authedProcedure.input(v.object({ orderId: id })).query(async ({ ctx, input }) => {
    await getOrder(ctx.db, input.orderId, ctx.session.userId); // someone else's order: NOT_FOUND
    return listPayments(ctx.db, input.orderId);
  }),
});
