// Turns stored lines (ids and quantities) into the cart a shopper sees, reading
// names, images, prices and stock live from the catalog.
import type { Db } from '../../db/database.ts';
import type { CartLine } from '../ports.ts';

/** Why a line cannot be bought: the product is out of stock, or it was taken off the catalog. */
export type UnavailableReason = 'sold_out' | 'archived';

export interface CartItem {
  productId: number;
  slug: string;
  name: string;
  imageUrl: string;
  unitPriceCents: number;
  quantity: number;
  /** unitPriceCents × quantity for an available line, 0 for an unavailable one. */
  lineTotalCents: number;
  /** False when the product was archived or sold out; such lines are left out of the subtotal. */
  available: boolean;
  /** Why `available` is false; null for an available line. */
  unavailableReason: UnavailableReason | null;
  stock: number;
  /**
   * An available line holding more than the stock left (others bought in the
   * meantime). It stays in the subtotal at its full quantity, but must be
   * lowered before checkout; the quantity is never changed behind the shopper's back.
   */
  exceedsStock: boolean;
}

export interface PricedCart {
  items: CartItem[];
  /** Total quantity of every line, as the header badge shows it. */
  itemCount: number;
  /** Total quantity of the available lines: the units the subtotal is made of. */
  availableCount: number;
  subtotalCents: number;
  currency: string;
}

const DEFAULT_CURRENCY = 'USD';

/** What pricing a line needs of its product, read live from the catalog. */
export interface CartProduct {
  id: number;
  slug: string;
  name: string;
  imageUrl: string;
  priceCents: number;
  currency: string;
  stock: number;
  active: number;
}

/** The products of these ids (archived ones included: their lines show as such), by id. */
export async function cartProducts(db: Db, ids: number[]): Promise<Map<number, CartProduct>> {
  const products = ids.length
    ? await db
        .selectFrom('products')
        .select(['id', 'slug', 'name', 'imageUrl', 'priceCents', 'currency', 'stock', 'active'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return new Map(products.map((p) => [p.id, p]));
}

export async function priceCart(db: Db, lines: CartLine[]): Promise<PricedCart> {
  return priceLines(lines, await cartProducts(db, lines.map((l) => l.productId)));
}

/** The cart a shopper sees: `lines` priced with `products` (which may hold more products than the lines). */
export function priceLines(lines: CartLine[], products: ReadonlyMap<number, CartProduct>): PricedCart {
  const items: CartItem[] = [];
  let currency: string | undefined;
  // A line whose product row no longer exists has nothing to show, so it is skipped.
  for (const line of lines) {
    const product = products.get(line.productId);
    if (!product) continue;
    currency ??= product.currency;
    const unavailableReason: UnavailableReason | null = product.active !== 1 ? 'archived' : product.stock <= 0 ? 'sold_out' : null;
    const available = unavailableReason === null;
    const stock = product.active === 1 ? product.stock : 0;
    items.push({
      productId: product.id,
      slug: product.slug,
      name: product.name,
      imageUrl: product.imageUrl,
      unitPriceCents: product.priceCents,
      quantity: line.quantity,
      lineTotalCents: available ? product.priceCents * line.quantity : 0,
      available,
      unavailableReason,
      stock,
      exceedsStock: available && line.quantity > stock,
    });
  }
  const sumQuantity = (list: CartItem[]) => list.reduce((sum, item) => sum + item.quantity, 0);
  return {
    items,
    itemCount: sumQuantity(items),
    availableCount: sumQuantity(items.filter((item) => item.available)),
    subtotalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    currency: currency ?? DEFAULT_CURRENCY,
  };
}
