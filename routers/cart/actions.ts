// What a shopper can do to their cart. Shared by the tRPC router and the plain
// form routes (/cart/add, /cart/set, /cart/remove) so both behave the same.
import { currentCartId, currentOrNewCartId } from './cart-id.ts';
import type { Context } from '../context.ts';
import type { CartLine, CartWrite } from '../ports.ts';
import { CartError } from './errors.ts';
import { lineCap, MAX_CART_LINES, MAX_LINE_QUANTITY } from '../shared/cart-limits.ts';
import { cartProducts, priceCart, priceLines, type CartProduct, type PricedCart } from './pricing.ts';

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
  const { cartId, lines, products } = await cartWith(ctx, productId);
  const product = purchasable(products.get(productId));
  const inCart = lines.find((l) => l.productId === productId)?.quantity ?? 0;
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
  const view = await written(ctx, id, products, await ctx.carts.add(id, productId, quantity, limitsFor(product.stock)));
  ctx.metrics?.count('cart.add');
  return view;
}

export async function setCartQuantity(ctx: Context, productId: number, quantity: number): Promise<CartView> {
  if (quantity === 0) return removeFromCart(ctx, productId);
  const { cartId, products } = await cartWith(ctx, productId);
  const product = purchasable(products.get(productId));
  if (quantity > product.stock) throw new CartError('NOT_ENOUGH_STOCK', `Only ${product.stock} left of ${product.name}.`);
  const id = cartId ?? (await currentOrNewCartId(ctx));
  return written(ctx, id, products, await ctx.carts.setQuantity(id, productId, quantity, limitsFor(product.stock)));
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

/**
 * The request's cart (null for a visitor without one) and, in one read, its products
 * and the product about to be written: the checks and the priced answer need no other read.
 */
async function cartWith(ctx: Context, productId: number) {
  const cartId = await currentCartId(ctx);
  const lines = cartId ? await ctx.carts.get(cartId) : [];
  const products = await cartProducts(ctx.db, [...new Set([...lines.map((l) => l.productId), productId])]);
  return { cartId, lines, products };
}

function purchasable(product: CartProduct | undefined): CartProduct {
  if (!product || product.active !== 1) throw new CartError('PRODUCT_NOT_FOUND', 'That product is not in our catalog any more.');
  if (product.stock <= 0) throw new CartError('SOLD_OUT', `${product.name} is sold out.`);
  return product;
}

/**
 * The cart after the write, read again: another write to the same cart (a second tab, a
 * quantity changed while the last one is still on its way) may have landed since the read
 * above, and the shopper's page shows this answer whole. Priced from the products already
 * read, unless that other write brought one more.
 */
async function written(ctx: Context, cartId: string, products: ReadonlyMap<number, CartProduct>, write: CartWrite): Promise<CartView> {
  if (!write.ok) {
    throw new CartError('CART_FULL', `Your cart can hold at most ${MAX_CART_LINES} different products. Remove one to add another.`);
  }
  const lines = await ctx.carts.get(cartId);
  if (!lines.every((l) => products.has(l.productId))) return show(ctx, lines);
  return { ...priceLines(lines, products), signedIn: ctx.session !== null };
}
