// order.list, order.get, order.cancel: a shopper's own orders only.
import * as v from 'valibot';
import { id, page } from '../shared/schemas.ts';
import { authedProcedure, router } from '../trpc.ts';
import { cancelOrder, expiryJobKey } from './cancel.ts';
import { OrderError } from './errors.ts';
import { getOrder, listOrders } from './queries.ts';

export const orderRouter = router({
  list: authedProcedure
    .input(v.optional(v.object({ page }), {}))
    .query(({ ctx, input }) => listOrders(ctx.db, { userId: ctx.session.userId, page: input.page })),
  get: authedProcedure.input(v.object({ orderId: id })).query(({ ctx, input }) => getOrder(ctx.db, input.orderId, ctx.session.userId)),
  cancel: authedProcedure.input(v.object({ orderId: id })).mutation(async ({ ctx, input }) => {
    const order = await getOrder(ctx.db, input.orderId, ctx.session.userId);
    if (!(await cancelOrder(ctx, order.id, 'shopper'))) {
      throw new OrderError('ILLEGAL_TRANSITION', `This order is ${order.status.replace('_', ' ')} and can no longer be cancelled.`);
    }
    await ctx.scheduler.cancel(expiryJobKey(order.id));
    return getOrder(ctx.db, order.id, ctx.session.userId);
  }),
});
