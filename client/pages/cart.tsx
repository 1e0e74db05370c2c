// /cart, open to guests: lines with live prices, quantity and remove forms that
// work as plain POSTs without JavaScript, the subtotal and the way to checkout.
import { PageMeta } from '../components/page-meta.tsx';
import { createSignal, For, Show } from 'solid-js';
import type { CartItem, UnavailableReason } from '../../routers/cart/pricing.ts';
import type { CartView } from '../../routers/cart/actions.ts';
import { useCart } from '../cart-state.ts';
import { ActionForm } from '../components/action-form.tsx';
import { CartQuantity } from '../components/cart-quantity.tsx';
import { countOf, formatMoney } from '../format.ts';
import { removeFromCart } from '../forms/cart-forms.ts';

const UNAVAILABLE: Record<UnavailableReason, string> = {
  sold_out: 'Sold out',
  archived: 'No longer sold',
};

export function CartPage() {
  const { cart } = useCart();
  // Lines holding more than the stock left: still charged, but checkout waits for them.
  const overStock = () => cart()?.items.filter((i) => i.exceedsStock) ?? [];
  // What the last change in place did, for screen readers (focus stays on the control used).
  const [said, say] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  return (
    <>
      <PageMeta title="Your cart — GoMall" noindex />
      <h1 ref={heading} tabindex="-1" class="text-2xl font-bold mb-4">
        Your cart
      </h1>
      <p role="status" class="sr-only">
        {said()}
      </p>
      <Show when={cart()}>
        {(view) => (
          <Show
            when={view().items.length > 0}
            fallback={
              <section class="cart-empty text-center py-16 bg-white rounded-lg border border-gray-200">
                <p class="text-lg mb-4">Your cart is empty.</p>
                <a href="/" class="inline-block px-4 py-2 rounded bg-gray-900 text-white no-underline hover:bg-gray-700">
                  Browse the catalog
                </a>
              </section>
            }
          >
            <div class="grid gap-6 lg:grid-cols-[1fr_20rem] items-start">
              <ul aria-label="Items in your cart" class="list-none m-0 p-0 flex flex-col gap-3">
                {/* One line per product id, kept while the cart changes, so focus stays on the button pressed. */}
                <For each={view().items.map((i) => i.productId)}>
                  {(id) => {
                    let last: CartItem;
                    const item = () => (last = view().items.find((i) => i.productId === id) ?? last);
                    return <CartLine item={item()} currency={view().currency} say={say} heading={() => heading} />;
                  }}
                </For>
              </ul>
              <section aria-labelledby="summary-heading" class="bg-white rounded-lg border border-gray-200 p-4 flex flex-col gap-3">
                <h2 id="summary-heading" class="text-lg font-semibold m-0">
                  Summary
                </h2>
                {/* The count is of the units the subtotal charges for, not the badge's total. */}
                <p class="flex justify-between gap-2 m-0">
                  <span>
                    Subtotal ({countOf(view().availableCount, 'item')})
                  </span>
                  <strong class="cart-subtotal">{formatMoney(view().subtotalCents, view().currency)}</strong>
                </p>
                <Show when={view().items.some((i) => !i.available)}>
                  <p class="text-sm text-gray-600 m-0">Unavailable items are not included in the subtotal.</p>
                </Show>
                <Show when={overStock().length > 0}>
                  <div id="cart-attention" class="cart-attention text-sm px-3 py-2 rounded border border-amber-300 bg-amber-50 text-amber-900">
                    <p class="font-semibold m-0">Checkout needs a change first</p>
                    <p class="m-0">
                      Lower the quantity of {overStock().map((i) => i.name).join(', ')} to what we have left.
                    </p>
                  </div>
                </Show>
                <a
                  href={view().signedIn ? '/checkout' : '/sign-in?next=/checkout'}
                  aria-describedby={overStock().length > 0 ? 'cart-attention' : undefined}
                  class="checkout block text-center px-4 py-2.5 rounded bg-gray-900 text-white no-underline hover:bg-gray-700 focus-visible:outline-2 focus-visible:outline-offset-2"
                >
                  Checkout
                </a>
                <Show when={!view().signedIn}>
                  <p class="text-sm text-gray-600 m-0">You'll sign in or create an account first; your cart comes with you.</p>
                </Show>
                <a href="/" class="text-sm underline text-center">
                  Continue shopping
                </a>
              </section>
            </div>
          </Show>
        )}
      </Show>
    </>
  );
}

function CartLine(props: { item: CartItem; currency: string; say: (text: string) => void; heading: () => HTMLElement | undefined }) {
  const state = useCart();
  const stockNoteId = () => `cart-stock-${props.item.productId}`;
  let line: HTMLLIElement | undefined;
  // The cart changed in place. Focus stays on the control used; if this line is gone
  // (removed, or a quantity of 0), it goes to the line that takes its place, else the
  // one before, else the page's heading.
  const changed = (view: CartView) => {
    const { productId, name } = props.item;
    const next = (line?.nextElementSibling ?? line?.previousElementSibling) as HTMLElement | null | undefined;
    state.set(view);
    const now = view.items.find((i) => i.productId === productId);
    if (now) {
      props.say(`Quantity of ${name} is now ${now.quantity}.`);
      return;
    }
    props.say(`Removed ${name} from your cart.`);
    (next?.querySelector<HTMLElement>('a[href^="/product/"]') ?? props.heading())?.focus();
  };
  return (
    <li ref={line} class="cart-line flex gap-3 sm:gap-4 bg-white rounded-lg border border-gray-200 p-3">
      <img
        src={props.item.imageUrl}
        alt={props.item.name}
        width="96"
        height="96"
        class={`w-20 h-20 sm:w-24 sm:h-24 rounded object-cover bg-gray-100 shrink-0 ${props.item.available ? '' : 'opacity-50'}`}
      />
      <div class="flex-1 min-w-0 flex flex-col gap-2">
        <div class="flex flex-wrap justify-between gap-2">
          <a href={`/product/${props.item.slug}`} class="font-medium text-gray-900">
            {props.item.name}
          </a>
          <span class="line-total font-semibold">
            {props.item.available ? formatMoney(props.item.lineTotalCents, props.currency) : '—'}
          </span>
        </div>
        <p class="text-sm text-gray-600 m-0">
          {formatMoney(props.item.unitPriceCents, props.currency)} each
          <Show when={props.item.unavailableReason}>
            {(reason) => (
              <span class="unavailable ml-2 text-xs font-semibold px-2 py-0.5 rounded bg-gray-200 text-gray-800">{UNAVAILABLE[reason()]}</span>
            )}
          </Show>
        </p>
        <Show when={props.item.exceedsStock}>
          <p id={stockNoteId()} class="stock-warning text-sm font-semibold m-0 text-amber-900">
            Only {props.item.stock} left — lower the quantity
          </p>
        </Show>
        <div class="flex flex-wrap items-center gap-2">
          <Show when={props.item.available}>
            <CartQuantity
              item={props.item}
              describedBy={props.item.exceedsStock ? stockNoteId() : undefined}
              onChanged={changed}
              say={props.say}
            />
          </Show>
          <Show when={!props.item.available}>
            <span class="text-sm text-gray-600">Quantity {props.item.quantity}</span>
          </Show>
          <ActionForm action={removeFromCart} onDone={changed}>
            <input type="hidden" name="productId" value={props.item.productId} />
            <input type="hidden" name="next" value="/cart" />
            <button type="submit" class="px-3 py-1.5 rounded text-sm text-red-700 underline hover:bg-red-50">
              Remove<span class="sr-only"> {props.item.name}</span>
            </button>
          </ActionForm>
        </div>
      </div>
    </li>
  );
}
