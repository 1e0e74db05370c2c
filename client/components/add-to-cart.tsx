// "Add to cart": a plain POST to /cart/add without JavaScript (the server
// redirects back with a notice), a tRPC mutation with it (inline confirmation).
import { useLocation } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { enhanceCartForm, useCart } from '../cart-state.ts';
import { trpc } from '../trpc.ts';

export function AddToCart(props: { productId: number; productName: string; stock: number; withQuantity?: boolean; class?: string }) {
  const location = useLocation();
  const cart = useCart();
  const [outcome, setOutcome] = createSignal<{ ok: true } | { ok: false; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const quantityId = () => `quantity-${props.productId}`;
  const submit = enhanceCartForm(
    cart,
    (form) => {
      setBusy(true);
      setOutcome(null);
      return trpc.cart.add.mutate({ productId: props.productId, quantity: Number(form.get('quantity') ?? 1) }).finally(() => setBusy(false));
    },
    setOutcome,
  );
  return (
    <form method="post" action="/cart/add" onSubmit={submit} class={`flex flex-wrap items-center gap-2 ${props.class ?? ''}`}>
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
      <button
        type="submit"
        disabled={busy()}
        aria-label={props.withQuantity ? undefined : `Add to cart: ${props.productName}`}
        class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm hover:bg-gray-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Add to cart
      </button>
      <p role="status" aria-live="polite" class="w-full text-sm m-0 empty:hidden">
        <Show when={outcome()}>
          {(o) => {
            const result = o();
            return result.ok ? (
              <span class="text-green-800">
                Added to your cart. <a href="/cart" class="underline">View cart</a>
              </span>
            ) : (
              <span class="text-red-700">{result.message}</span>
            );
          }}
        </Show>
      </p>
    </form>
  );
}
