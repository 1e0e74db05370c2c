// "Add to cart": a plain POST to /cart/add without JavaScript (the server
// redirects back with a notice), the cart.add mutation with it (inline confirmation).
import { useLocation } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import { useCart } from '../cart-state.ts';
import { addToCart } from '../forms/cart-forms.ts';
import { useQueryParams } from '../query-params.ts';
import { ActionForm, useFormBusy } from './action-form.tsx';
import { cartNotice } from './cart-notice.tsx';

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
  // With JavaScript: true once added here, false while adding again; undefined until then.
  const [added, setAdded] = createSignal<boolean>();
  const quantityId = () => `quantity-${props.productId}`;
  const statusId = `add-status-${createUniqueId()}`;
  // Without JavaScript the server comes back to this product's card with ?cart=…&product=<id>.
  const notice = () => {
    if (added() !== undefined) return added() ? cartNotice('added', undefined) : null;
    return search.product === String(props.productId) ? cartNotice(search.cart, search.reason) : null;
  };
  return (
    <ActionForm
      action={addToCart}
      onDone={(view) => {
        cart.set(view);
        setAdded(true);
      }}
      class={`flex flex-wrap items-center gap-2 ${props.class ?? ''}`}
    >
      <input type="hidden" name="productId" value={props.productId} />
      <input type="hidden" name="next" value={location.pathname + location.search + (props.anchor ? `#${props.anchor}` : '')} />
      <Show when={props.withQuantity} fallback={<input type="hidden" name="quantity" value="1" />}>
        <label for={quantityId()} class="text-sm">
          Quantity
        </label>
        <input
          id={quantityId()}
          type="number"
          name="quantity"
          min="1"
          max={Math.min(99, props.stock)}
          value="1"
          required
          class="w-16 border border-gray-300 rounded px-2 py-1.5"
        />
      </Show>
      <AddButton
        label={props.withQuantity ? undefined : `Add to cart: ${props.productName}`}
        describedBy={notice() ? statusId : undefined}
        onClick={() => setAdded(false)}
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
