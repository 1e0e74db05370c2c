import * as v from 'valibot';
import { publicProcedure, router } from '../trpc.ts';
import { id } from '../shared/schemas.ts';
import { addToCart, clearCart, removeFromCart, setCartQuantity, viewCart } from './actions.ts';
import { MAX_LINE_QUANTITY } from '../shared/cart-limits.ts';

const quantityFrom = (min: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
  );

export const addInput = v.object({ productId: id, quantity: v.optional(quantityFrom(1), 1) });
export const setQuantityInput = v.object({ productId: id, quantity: quantityFrom(0) });
export const removeInput = v.object({ productId: id });

// Public: guests have carts too. The cart is always the caller's own (session or cookie).
export const cartRouter = router({
  get: publicProcedure.query(({ ctx }) => viewCart(ctx)),
  add: publicProcedure.input(addInput).mutation(({ ctx, input }) => addToCart(ctx, input.productId, input.quantity)),
  setQuantity: publicProcedure
    .input(setQuantityInput)
    .mutation(({ ctx, input }) => setCartQuantity(ctx, input.productId, input.quantity)),
  remove: publicProcedure.input(removeInput).mutation(({ ctx, input }) => removeFromCart(ctx, input.productId)),
  clear: publicProcedure.mutation(({ ctx }) => clearCart(ctx)),
});
