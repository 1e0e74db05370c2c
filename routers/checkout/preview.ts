// Prices a signed-in shopper's cart for checkout, from the database only: the
// lines at today's prices, the coupon's discount, shipping and tax, and every
// problem that would stop the order, in words a shopper understands.
import type { Selectable } from 'kysely';
import type { OrderLineTable } from '../../db/tables/order.ts';
import type { Context } from '../context.ts';
import { evaluateCoupon } from '../coupon/coupons.ts';
import { userCartId } from '../cart/cart-id.ts';
import { priceCart } from '../cart/pricing.ts';
import type { CartLine } from '../ports.ts';

/** A line as the order will snapshot it (the order_lines row without its ids). */
export type CheckoutLine = Omit<Selectable<OrderLineTable>, 'id' | 'orderId'>;

export interface CheckoutProblem {
  code: 'EMPTY_CART' | 'UNAVAILABLE' | 'NOT_ENOUGH_STOCK' | 'INVALID_COUPON';
  message: string;
  productId?: number;
}

export interface CheckoutPreview {
  lines: CheckoutLine[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
  coupon?: { code: string; description: string };
  problems: CheckoutProblem[];
}

/** The preview plus what placing the order needs and a shopper does not. */
export interface PricedCheckout extends CheckoutPreview {
  couponId?: number;
  cartLines: CartLine[];
}

type PricingContext = Pick<Context, 'db' | 'carts' | 'config' | 'clock'>;

export async function priceCheckout(ctx: PricingContext, userId: number, couponCode?: string): Promise<PricedCheckout> {
  const cartLines = await ctx.carts.get(userCartId(userId));
  const cart = await priceCart(ctx.db, cartLines);
  const problems: CheckoutProblem[] = [];
  if (!cart.items.length) problems.push({ code: 'EMPTY_CART', message: 'Your cart is empty.' });
  for (const item of cart.items) {
    if (!item.available) {
      const why = item.unavailableReason === 'sold_out' ? 'is sold out' : 'is no longer sold';
      problems.push({ code: 'UNAVAILABLE', productId: item.productId, message: `${item.name} ${why}. Please remove it from your cart.` });
    } else if (item.exceedsStock) {
      problems.push({
        code: 'NOT_ENOUGH_STOCK',
        productId: item.productId,
        message: `Only ${item.stock} of ${item.name} left. Please lower the quantity in your cart.`,
      });
    }
  }

  const lines = cart.items
    .filter((item) => item.available)
    .map(({ productId, slug, name, imageUrl, unitPriceCents, quantity, lineTotalCents }) => ({
      productId,
      slug,
      name,
      imageUrl,
      unitPriceCents,
      quantity,
      lineTotalCents,
    }));
  const subtotalCents = cart.subtotalCents;

  let discountCents = 0;
  let coupon: PricedCheckout['coupon'];
  let couponId: number | undefined;
  if (couponCode?.trim()) {
    const found = await evaluateCoupon(ctx.db, couponCode, { userId, subtotalCents, now: ctx.clock.now() });
    if (found.ok) {
      ({ discountCents } = found);
      coupon = { code: found.coupon.code, description: found.coupon.description };
      couponId = found.coupon.id;
    } else {
      problems.push({ code: 'INVALID_COUPON', message: found.problem });
    }
  }

  const { shippingCents, taxCents } = shippingAndTax(ctx.config, subtotalCents - discountCents, lines.length > 0);
  return {
    lines,
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    totalCents: subtotalCents - discountCents + shippingCents + taxCents,
    currency: cart.currency,
    ...(coupon && { coupon }),
    problems,
    couponId,
    cartLines,
  };
}

/** Flat shipping below the free-shipping threshold; tax on the goods after discount, rounded to the cent. */
export function shippingAndTax(config: PricingContext['config'], goodsCents: number, shipsSomething: boolean) {
  const shippingCents = shipsSomething && goodsCents < config.freeShippingFromCents ? config.shippingFlatCents : 0;
  const taxCents = Math.round((goodsCents * config.taxRateBps) / 10_000);
  return { shippingCents, taxCents };
}

/** What a shopper sees: the preview without the internals. */
export function publicPreview({ couponId: _id, cartLines: _lines, ...preview }: PricedCheckout): CheckoutPreview {
  return preview;
}
