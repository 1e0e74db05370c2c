// "Add to cart": a plain POST to /cart/add without JavaScript (the server
// redirects back with a notice), the cart.add mutation with it (inline confirmation).
// Either way the shop's answer (added, or why not) is said beside the button and
// the quantity field, never in the browser's validation bubble.
import { useLocation } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import { useCart } from '../cart-state.ts';
import { addToCart } from '../forms/cart-forms.ts';
import { useQueryParams } from '../query-params.ts';
import { ActionForm, useFormBusy } from './action-form.tsx';
import { cartNotice, cartRefusal, type CartNoticeText } from './cart-notice.tsx';

export function AddToCart(props: {
  productId: number;
  productName: string;
  stock: number;
  withQuantity?: boolean;
  /** The id of the element to come back to after a plain post (the product's card in a grid). */
  anchor?: string;
  class?: string;
}) {
  const location = useLocation();
  const search = useQueryParams<{ cart?: string; reason?: string; product?: string }>();
  const cart = useCart();
  // With JavaScript: what the last press here said; null while adding again, undefined until then.
  const [said, setSaid] = createSignal<CartNoticeText | null>();
  const quantityId = () => `quantity-${props.productId}`;
  const statusId = `add-status-${createUniqueId()}`;
  // Without JavaScript the server comes back here (the card, or the quantity field) with ?cart=…&product=<id>.
  const anchor = () => props.anchor ?? (props.withQuantity ? quantityId() : undefined);
  const posted = () =>
    search.product === String(props.productId) ? cartNotice(search.cart, search.reason, { name: props.productName, stock: props.stock }) : null;
  const notice = () => (said() === undefined ? posted() : said());
  const refused = () => notice()?.ok === false;
  return (
    <ActionForm
      action={addToCart}
      onDone={(view) => {
        cart.set(view);
        setSaid(cartNotice('added', undefined));
      }}
      onFailed={(errors) => setSaid(cartRefusal(errors))}
      class={`flex flex-wrap items-center gap-2 ${props.class ?? ''}`}
    >
      <input type="hidden" name="productId" value={props.productId} />
      <input type="hidden" name="next" value={location.pathname + location.search + (anchor() ? `#${anchor()}` : '')} />
      <Show when={props.withQuantity} fallback={<input type="hidden" name="quantity" value="1" />}>
        <label for={quantityId()} class="text-sm">
          Quantity
        </label>
        {/* No `max`: more than is left gets the shop's answer beside the field, not the browser's bubble.
            Room above it when a plain post comes back to it (#quantity-<id>): the name and price stay in sight. */}
        <input
          id={quantityId()}
          type="number"
          name="quantity"
          min="1"
          value="1"
          required
          autofocus={refused() && said() === undefined}
          aria-invalid={refused() ? 'true' : undefined}
          aria-describedby={refused() ? statusId : undefined}
          class="w-16 border border-gray-300 rounded px-2 py-1.5 aria-[invalid=true]:border-red-600 scroll-mt-40"
        />
      </Show>
      <AddButton
        label={props.withQuantity ? undefined : `Add to cart: ${props.productName}`}
        describedBy={notice() ? statusId : undefined}
        onClick={() => setSaid(null)}
      />
      <p id={statusId} role="status" aria-live="polite" class="w-full text-sm m-0 empty:hidden">
        <Show when={notice()}>
          {(n) => (
            <span class={n().ok ? 'text-green-800' : 'text-red-700'}>
              {n().text}
              <Show when={n().ok}>
                {' '}
                <a href="/cart" class="underline">
                  View cart
                </a>
              </Show>
            </span>
          )}
        </Show>
      </p>
    </ActionForm>
  );
}

function AddButton(props: { label?: string; describedBy?: string; onClick: () => void }) {
  const busy = useFormBusy();
  // aria-disabled, not disabled: a disabled button drops keyboard focus (the form ignores a second press).
  return (
    <button
      type="submit"
      aria-disabled={busy() ? 'true' : undefined}
      onClick={props.onClick}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm hover:bg-gray-700 aria-[disabled=true]:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Add to cart
    </button>
  );
}
