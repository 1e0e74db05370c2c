// checkout.preview and checkout.placeOrder: thin; the rules are in preview.ts and place-order.ts.
import * as v from 'valibot';
import { authedProcedure, router } from '../trpc.ts';
import { addressInput, email } from '../user/schemas.ts';
import { cardInput } from '../payment/schemas.ts';
import { placeOrder } from './place-order.ts';
import { priceCheckout, publicPreview } from './preview.ts';

const couponCode = v.optional(v.pipe(v.string('must be text'), v.trim(), v.maxLength(64, 'must be at most 64 characters')));

export const idempotencyKey = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.minLength(8, 'must be at least 8 characters'),
  v.maxLength(100, 'must be at most 100 characters'),
  v.regex(/^[\w.:-]+$/, 'must be letters, digits, dashes, dots or colons'),
);

export const placeOrderInput = v.object({
  idempotencyKey,
  email,
  shippingAddress: addressInput,
  couponCode,
  card: v.optional(cardInput),
});

export const checkoutRouter = router({
  preview: authedProcedure
    .input(v.optional(v.object({ couponCode }), {}))
    .query(async ({ ctx, input }) => publicPreview(await priceCheckout(ctx, ctx.session.userId, input.couponCode))),
  placeOrder: authedProcedure.input(placeOrderInput).mutation(({ ctx, input }) => placeOrder(ctx, ctx.session.userId, input)),
});
