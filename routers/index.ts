// The shop's public API: one router per domain, merged here.
import { createCallerFactory, router } from './trpc.ts';
import { adminRouter } from './admin/router.ts';
import { cartRouter } from './cart/router.ts';
import { checkoutRouter } from './checkout/router.ts';
import { emailRouter } from './email/router.ts';
import { orderRouter } from './order/router.ts';
import { paymentRouter } from './payment/router.ts';
import { productRouter } from './product/router.ts';
import { shopRouter } from './shop/router.ts';
import { userRouter } from './user/router.ts';

export const appRouter = router({
  product: productRouter,
  admin: adminRouter,
  cart: cartRouter,
  user: userRouter,
  checkout: checkoutRouter,
  order: orderRouter,
  payment: paymentRouter,
  email: emailRouter,
  shop: shopRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
