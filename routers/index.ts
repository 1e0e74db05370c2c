// The shop's public API: one router per domain, merged here.
import { createCallerFactory, router } from '../server/trpc.ts';
import { productRouter } from './product/router.ts';
import { userRouter } from './user/router.ts';

export const appRouter = router({
  product: productRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
