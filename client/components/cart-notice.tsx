// Announces the outcome of a cart form posted without JavaScript: the server
// redirects back with ?cart=<outcome>&reason=<code>. Only known codes show text.
import { Show } from 'solid-js';
import type { CartFormError, CartFormOutcome } from '../forms/cart-forms.ts';
import type { FormErrors } from '../forms/form-action.ts';
import { known } from '../known.ts';
import { useQueryParams } from '../query-params.ts';

const DONE: Record<Exclude<CartFormOutcome, 'error'>, string> = {
  added: 'Added to your cart.',
  updated: 'Your cart was updated.',
  removed: 'Removed from your cart.',
};

const FAILED: Record<CartFormError, string> = {
  INVALID: 'Please choose a quantity from 1 to 99.',
  PRODUCT_NOT_FOUND: 'That product is no longer in our catalog.',
  SOLD_OUT: 'Sorry, that product is sold out.',
  NOT_ENOUGH_STOCK: "We don't have that many in stock. Please choose a smaller quantity.",
  LINE_LIMIT: 'You can have at most 99 of one product in your cart.',
  CART_FULL: 'Your cart can hold at most 100 different products. Remove one to add another.',
};

export type CartNoticeText = { ok: boolean; text: string };

/**
 * What `?cart=<outcome>&reason=<code>` says, or null for anything unknown. Said beside
 * a product's own field, `product` lets a refusal for stock name how many are left, in
 * the words the server's answer uses with JavaScript.
 */
export function cartNotice(outcome: string | undefined, reason: string | undefined, product?: { name: string; stock: number }): CartNoticeText | null {
  if (outcome === 'error' && reason === 'NOT_ENOUGH_STOCK' && product) return { ok: false, text: `Only ${product.stock} left of ${product.name}.` };
  if (outcome === 'error') {
    const text = known(FAILED, reason);
    return text ? { ok: false, text } : null;
  }
  const text = known(DONE, outcome);
  return text ? { ok: true, text } : null;
}

/** A cart form's refusal with JavaScript: the server's words, or the shop's for a quantity the schema refused (as after a plain post). */
export function cartRefusal(errors: FormErrors): CartNoticeText {
  return { ok: false, text: (errors.fields.quantity ? FAILED.INVALID : errors.form) ?? 'Please try again.' };
}

export function CartNotice() {
  const search = useQueryParams<{ cart?: string; reason?: string }>();
  const notice = () => cartNotice(search.cart, search.reason);
  return (
    <Show when={notice()}>
      {(n) => (
        <p
          role={n().ok ? 'status' : 'alert'}
          class={`cart-notice mb-4 px-4 py-3 rounded border ${n().ok ? 'bg-green-50 border-green-200 text-green-900' : 'bg-red-50 border-red-200 text-red-900'}`}
        >
          {n().text}{' '}
          <Show when={n().ok}>
            <a href="/cart" class="underline">
              View cart
            </a>
          </Show>
        </p>
      )}
    </Show>
  );
}
