// "Add to cart": a plain POST to /cart/add without JavaScript (the server
// redirects back with a notice), the cart.add mutation with it (inline confirmation).
import { useLocation } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useCart } from '../cart-state.ts';
import { addToCart } from '../forms/cart-forms.ts';
import { ActionForm, useFormBusy } from './action-form.tsx';

export function AddToCart(props: { productId: number; productName: string; stock: number; withQuantity?: boolean; class?: string }) {
  const location = useLocation();
  const cart = useCart();
  const [added, setAdded] = createSignal(false);
  const quantityId = () => `quantity-${props.productId}`;
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
      <input type="hidden" name="next" value={location.pathname + location.search} />
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
      <AddButton label={props.withQuantity ? undefined : `Add to cart: ${props.productName}`} onClick={() => setAdded(false)} />
      <p role="status" aria-live="polite" class="w-full text-sm m-0 empty:hidden">
        <Show when={added()}>
          <span class="text-green-800">
            Added to your cart. <a href="/cart" class="underline">View cart</a>
          </span>
        </Show>
      </p>
    </ActionForm>
  );
}

function AddButton(props: { label?: string; onClick: () => void }) {
  const busy = useFormBusy();
  return (
    <button
      type="submit"
      disabled={busy()}
      onClick={props.onClick}
      aria-label={props.label}
      class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm hover:bg-gray-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Add to cart
    </button>
  );
}
