import * as v from 'valibot';
import { publicProcedure, router } from '../../server/trpc.ts';
import { addToCart, clearCart, removeFromCart, setCartQuantity, viewCart } from './actions.ts';
import { asTRPC } from './errors.ts';
import { MAX_LINE_QUANTITY } from './limits.ts';

const productId = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'));
const quantityFrom = (min: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
  );

export const addInput = v.object({ productId, quantity: v.optional(quantityFrom(1), 1) });
export const setQuantityInput = v.object({ productId, quantity: quantityFrom(0) });
export const removeInput = v.object({ productId });

// Public: guests have carts too. The cart is always the caller's own (session or cookie).
export const cartRouter = router({
  get: publicProcedure.query(({ ctx }) => viewCart(ctx)),
  add: publicProcedure.input(addInput).mutation(({ ctx, input }) => asTRPC(addToCart(ctx, input.productId, input.quantity))),
  setQuantity: publicProcedure
    .input(setQuantityInput)
    .mutation(({ ctx, input }) => asTRPC(setCartQuantity(ctx, input.productId, input.quantity))),
  remove: publicProcedure.input(removeInput).mutation(({ ctx, input }) => asTRPC(removeFromCart(ctx, input.productId))),
  clear: publicProcedure.mutation(({ ctx }) => clearCart(ctx)),
});
