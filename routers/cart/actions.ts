// What a shopper can do to their cart. Shared by the tRPC router and the plain
// form routes (/cart/add, /cart/set, /cart/remove) so both behave the same.
import type { Db } from '../../db/database.ts';
import { currentCartId, currentOrNewCartId } from './cart-id.ts';
import type { Context } from '../context.ts';
import type { CartLine, CartWrite } from '../ports.ts';
import { CartError } from './errors.ts';
import { lineCap, MAX_CART_LINES, MAX_LINE_QUANTITY } from '../shared/cart-limits.ts';
import { priceCart, type PricedCart } from './pricing.ts';

export interface CartView extends PricedCart {
  /** Lets the cart page send a signed-out shopper to sign in before checkout. */
  signedIn: boolean;
}

async function show(ctx: Context, lines: CartLine[]): Promise<CartView> {
  return { ...(await priceCart(ctx.db, lines)), signedIn: ctx.session !== null };
}

export async function viewCart(ctx: Context): Promise<CartView> {
  const cartId = await currentCartId(ctx);
  return show(ctx, cartId ? await ctx.carts.get(cartId) : []);
}

export async function addToCart(ctx: Context, productId: number, quantity: number): Promise<CartView> {
  const product = await purchasableProduct(ctx.db, productId);
  const cartId = await currentCartId(ctx);
  const inCart = cartId ? ((await ctx.carts.get(cartId)).find((l) => l.productId === productId)?.quantity ?? 0) : 0;
  const wanted = inCart + quantity;
  if (wanted > product.stock) {
    const already = inCart ? ` (you already have ${inCart} in your cart)` : '';
    throw new CartError('NOT_ENOUGH_STOCK', `Only ${product.stock} left of ${product.name}${already}.`);
  }
  if (wanted > MAX_LINE_QUANTITY) {
    throw new CartError('LINE_LIMIT', `You can have at most ${MAX_LINE_QUANTITY} of ${product.name} in your cart.`);
  }
  // The checks above give a readable error; the store's cap keeps concurrent adds within bounds.
  const id = cartId ?? (await currentOrNewCartId(ctx));
  const view = await written(ctx, await ctx.carts.add(id, productId, quantity, limitsFor(product.stock)));
  ctx.metrics?.count('cart.add');
  return view;
}

export async function setCartQuantity(ctx: Context, productId: number, quantity: number): Promise<CartView> {
  if (quantity === 0) return removeFromCart(ctx, productId);
  const product = await purchasableProduct(ctx.db, productId);
  if (quantity > product.stock) throw new CartError('NOT_ENOUGH_STOCK', `Only ${product.stock} left of ${product.name}.`);
  const id = await currentOrNewCartId(ctx);
  return written(ctx, await ctx.carts.setQuantity(id, productId, quantity, limitsFor(product.stock)));
}

export async function removeFromCart(ctx: Context, productId: number): Promise<CartView> {
  const cartId = await currentCartId(ctx);
  return show(ctx, cartId ? await ctx.carts.remove(cartId, productId) : []);
}

export async function clearCart(ctx: Context): Promise<CartView> {
  const cartId = await currentCartId(ctx);
  if (cartId) await ctx.carts.clear(cartId);
  return show(ctx, []);
}

const limitsFor = (stock: number) => ({ maxQuantity: lineCap(stock), maxLines: MAX_CART_LINES });

async function purchasableProduct(db: Db, productId: number) {
  const product = await db
    .selectFrom('products')
    .select(['name', 'stock'])
    .where('id', '=', productId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!product) throw new CartError('PRODUCT_NOT_FOUND', 'That product is not in our catalog any more.');
  if (product.stock <= 0) throw new CartError('SOLD_OUT', `${product.name} is sold out.`);
  return product;
}

async function written(ctx: Context, write: CartWrite): Promise<CartView> {
  if (!write.ok) {
    throw new CartError('CART_FULL', `Your cart can hold at most ${MAX_CART_LINES} different products. Remove one to add another.`);
  }
  return show(ctx, write.lines);
}
