// Moves a guest's cart into their account's cart when they sign in or register.
// Called by the accounts feature right after it establishes the session.
import { forgetGuestCart, guestCartId, userCartId } from './cart-id.ts';
import type { Context } from '../context.ts';
import type { CartLine } from '../ports.ts';
import { lineCap, MAX_CART_LINES } from '../shared/cart-limits.ts';

/**
 * Merges the cart named by the request's guest cookie into user `userId`'s cart:
 * quantities of the same product add up, capped at the stock and at 99 per line;
 * archived or sold-out products are dropped. Empties the guest cart and clears
 * the cookie. Returns the user's lines (unchanged when there was no guest cart).
 */
export async function mergeGuestCart(ctx: Context, userId: number): Promise<CartLine[]> {
  const userCart = userCartId(userId);
  const guestCart = await guestCartId(ctx);
  if (!guestCart) return ctx.carts.get(userCart);
  const guestLines = await ctx.carts.get(guestCart);
  const products = guestLines.length
    ? await ctx.db
        .selectFrom('products')
        .select(['id', 'stock'])
        .where(
          'id',
          'in',
          guestLines.map((l) => l.productId),
        )
        .where('active', '=', 1)
        .execute()
    : [];
  const maxQuantity = new Map(products.map((p) => [p.id, lineCap(p.stock)]));
  const merged = await ctx.carts.merge(guestCart, userCart, { maxQuantity, maxLines: MAX_CART_LINES });
  forgetGuestCart(ctx);
  return merged;
}
