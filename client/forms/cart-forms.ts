// The cart forms (add, set quantity, remove), used on many pages. Without
// JavaScript they post, run the cart procedure and go back to the page they came
// from with `?cart=<outcome>` (and `&reason=<code>`) for it to announce; with
// JavaScript they stay on the page and update the cart in place.
import type { CartErrorCode } from '../../routers/cart/errors.ts';
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { sameSitePath } from '../../routers/shared/next.ts';
import type { CartView } from '../../routers/cart/actions.ts';
import type { ErrorFacts, Fields, FormAction } from './form-action.ts';

export type CartFormOutcome = 'added' | 'updated' | 'removed' | 'error';
export type CartFormError = CartErrorCode | 'INVALID';

const CART_ERRORS: ReadonlySet<string> = new Set<CartErrorCode>(['PRODUCT_NOT_FOUND', 'SOLD_OUT', 'NOT_ENOUGH_STOCK', 'LINE_LIMIT', 'CART_FULL']);

/** An optional number field: absent or empty is undefined, so the procedure's default applies. */
const optionalNumber = (text: string | undefined) => (text?.trim() ? wholeNumber(text) : undefined);

/** The page to go back to: the form's own `next`, else the page it was posted from, else the cart. */
const returnTo = (fields: Fields, from?: string) => sameSitePath(fields.next) ?? sameSitePath(from) ?? '/cart';

/**
 * `path` with the outcome to announce. A `#fragment` in `path` (a product's card in a
 * grid) is kept, so the browser comes back to where the shopper was, and `product`
 * then names the product so its card can say what happened beside it.
 */
function withNotice(path: string, cart: CartFormOutcome, reason?: CartFormError, product?: string): string {
  const url = new URL(path, 'http://same.site');
  url.searchParams.set('cart', cart);
  if (reason) url.searchParams.set('reason', reason);
  else url.searchParams.delete('reason');
  if (url.hash && product && /^\d{1,15}$/.test(product)) url.searchParams.set('product', product);
  else url.searchParams.delete('product');
  return url.pathname + url.search + url.hash;
}

/** `forProduct`: the form is a product's own (add to cart, a cart line's quantity), which may say what happened beside it. */
function cartForm(path: string, outcome: CartFormOutcome, run: FormAction<CartView>['run'], forProduct = false): FormAction<CartView> {
  const product = (f: Fields) => (forProduct ? f.productId : undefined);
  return {
    path,
    page: (f) => returnTo(f),
    run,
    done: (f, _view, from) => withNotice(returnTo(f, from), outcome, undefined, product(f)),
    // Input the schema refused (a quantity of "1e1") is INVALID; a cart rule names itself.
    failed: (f, error: ErrorFacts, from) =>
      withNotice(returnTo(f, from), 'error', error.reason && CART_ERRORS.has(error.reason) ? (error.reason as CartErrorCode) : 'INVALID', product(f)),
  };
}

// wholeNumber of a missing field is NaN, which the procedure refuses like any other bad number.
export const addToCart = cartForm(
  '/cart/add',
  'added',
  (api, f) => api.cart.add({ productId: wholeNumber(f.productId), quantity: optionalNumber(f.quantity) }),
  true,
);

export const setCartQuantity = cartForm(
  '/cart/set',
  'updated',
  (api, f) => api.cart.setQuantity({ productId: wholeNumber(f.productId), quantity: wholeNumber(f.quantity) }),
  true,
);

export const removeFromCart = cartForm('/cart/remove', 'removed', (api, f) => api.cart.remove({ productId: wholeNumber(f.productId) }));

export const cartActions: FormAction<CartView>[] = [addToCart, setCartQuantity, removeFromCart];
