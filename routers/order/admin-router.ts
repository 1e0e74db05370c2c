// admin.order.*: every order, with the steps after payment.
import * as v from 'valibot';
import { id, page } from '../shared/schemas.ts';
import { adminProcedure, router } from '../trpc.ts';
import { completeOrder, markShipped, refundOrder } from './admin.ts';
import { getOrder, listOrders } from './queries.ts';

const STATUSES = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
const orderId = v.object({ orderId: id });

export const orderAdminRouter = router({
  list: adminProcedure
    .input(v.optional(v.object({ status: v.optional(v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`)), q: v.optional(v.pipe(v.string(), v.maxLength(200))), page }), {}))
    .query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: adminProcedure.input(orderId).query(({ ctx, input }) => getOrder(ctx.db, input.orderId)),
  markShipped: adminProcedure.input(orderId).mutation(async ({ ctx, input }) => (await markShipped(ctx, input.orderId), getOrder(ctx.db, input.orderId))),
  complete: adminProcedure.input(orderId).mutation(async ({ ctx, input }) => (await completeOrder(ctx, input.orderId), getOrder(ctx.db, input.orderId))),
  refund: adminProcedure
    .input(v.object({ orderId: id, restock: v.optional(v.boolean('must be true or false'), false) }))
    .mutation(async ({ ctx, input }) => (await refundOrder(ctx, input.orderId, { restock: input.restock }), getOrder(ctx.db, input.orderId))),
});
