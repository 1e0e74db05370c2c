// admin.coupon.*: creating, listing and changing coupons, for administrators only.
import { adminProcedure, router } from '../trpc.ts';
import { createCoupon, listCoupons, updateCoupon } from './coupons.ts';
import { createCouponInput, updateCouponInput } from './schemas.ts';

export const couponAdminRouter = router({
  create: adminProcedure.input(createCouponInput).mutation(({ ctx, input }) => createCoupon(ctx.db, input, ctx.clock.now())),

  /** Every coupon, newest first, with how many uses each has taken. */
  list: adminProcedure.query(({ ctx }) => listCoupons(ctx.db)),

  update: adminProcedure
    .input(updateCouponInput)
    .mutation(({ ctx, input: { id, ...changes } }) => updateCoupon(ctx.db, id, changes, ctx.clock.now())),
});
