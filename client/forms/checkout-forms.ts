// The checkout form: places the order (and pays for it with the card given) in one
// call. Its fields carry the procedure's own dotted names (shippingAddress.zip,
// card.number), so every refusal stands beside the field it is about.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import type { Fields, FormAction } from './form-action.ts';

/** The order page, for an id that is a plain number only (it comes from a form). */
export const orderPage = (id: string | number | undefined, query = '') =>
  /^\d{1,15}$/.test(String(id)) ? `/orders/${id}${query}` : '/orders';

/** The checkout page, with the coupon it was previewed with. */
export const checkoutPage = (coupon?: string) => (coupon?.trim() ? `/checkout?coupon=${encodeURIComponent(coupon.trim())}` : '/checkout');

export const ADDRESS_KEYS = ['firstName', 'lastName', 'street', 'city', 'state', 'zip', 'country'] as const;

/** The card fields of a form (checkout or "Pay now"), as the procedures take them. */
export function cardOf(f: Fields) {
  const name = f['card.name']?.trim();
  return {
    number: f['card.number'] ?? '',
    // An empty or garbled month or year is NaN: the procedure refuses it beside its field.
    expMonth: wholeNumber(f['card.expMonth']),
    expYear: wholeNumber(f['card.expYear']),
    cvv: f['card.cvv'] ?? '',
    ...(name ? { name } : {}),
  };
}

/** Hidden fields have nothing to stand beside: their issues go to the form's message. */
export const hiddenFieldIssues = { idempotencyKey: '', orderId: '' };

export const placeOrder: FormAction<{ orderId: number }> = {
  path: '/checkout/place-order',
  page: (f) => checkoutPage(f.couponCode),
  run: (api, f) =>
    api.checkout.placeOrder({
      idempotencyKey: f.idempotencyKey ?? '',
      email: f.email ?? '',
      shippingAddress: Object.fromEntries(ADDRESS_KEYS.map((key) => [key, f[`shippingAddress.${key}`] ?? ''])) as Record<
        (typeof ADDRESS_KEYS)[number],
        string
      >,
      ...(f.couponCode?.trim() ? { couponCode: f.couponCode.trim() } : {}),
      card: cardOf(f),
    }),
  done: (_f, result) => orderPage(result.orderId, '?placed=1'),
  fieldOf: hiddenFieldIssues,
};

export const checkoutActions: FormAction<any>[] = [placeOrder];
