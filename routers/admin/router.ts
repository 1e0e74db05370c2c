// The admin console's API. Each area is a sub-router; every procedure is admin-only.
import { adminProcedure, router } from '../trpc.ts';
import { couponAdminRouter } from '../coupon/admin-router.ts';
import { adminCategoryRouter } from './category-router.ts';
import { adminProductRouter } from './product-router.ts';
import { adminDashboardRouter } from './dashboard.ts';
import { orderAdminRouter } from '../order/admin-router.ts';
import { jobAdminRouter } from '../email/job-admin-router.ts';
import { mailboxAdminRouter } from '../email/admin-router.ts';
import { campaignAdminRouter } from '../email/campaign-router.ts';

export const adminRouter = router({
  /** Who is signed in to the console, for its header; refused like every admin procedure, so the console's frame shows no one else anything. */
  me: adminProcedure.query(async ({ ctx }) => {
    const user = await ctx.db.selectFrom('users').select(['name', 'email']).where('id', '=', ctx.session.userId).executeTakeFirst();
    return { name: user?.name ?? '', email: user?.email ?? '' };
  }),
  dashboard: adminDashboardRouter,
  product: adminProductRouter,
  category: adminCategoryRouter,
  order: orderAdminRouter,
  coupon: couponAdminRouter,
  job: jobAdminRouter,
  mailbox: mailboxAdminRouter,
  campaign: campaignAdminRouter,
});
