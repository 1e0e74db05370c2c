import { Suspense } from 'solid-js';
import { useCart } from '../cart-state.ts';

/** The header's link to the cart with the total quantity, server-rendered on every page. */
export function CartBadge(props: { class?: string }) {
  const { cart } = useCart();
  const count = () => cart()?.itemCount ?? 0;
  const link = (n: () => number) => (
    <a
      href="/cart"
      class={`inline-flex items-center gap-1.5 h-9 px-2.5 sm:px-3 rounded-lg border border-gray-300 bg-white text-sm font-semibold text-gray-900 no-underline hover:bg-gray-50 hover:border-gray-400 ${props.class ?? ''}`}
    >
      <span aria-hidden="true" class="i-ph-shopping-bag-duotone text-xl text-brand-700" />
      {/* Phones show the bag and the count; the word stays in the link's name. */}
      <span class="sr-only sm:not-sr-only">Cart</span>
      <span class="cart-count min-w-5 text-center rounded-full bg-brand-700 text-white text-xs font-bold px-1.5 py-0.5 tabular-nums">{n()}</span>
      {/* Read as "Cart 2 items": the visible words stay part of the link's name. */}
      <span class="sr-only">{n() === 1 ? ' item' : ' items'}</span>
    </a>
  );
  return <Suspense fallback={link(() => 0)}>{link(count)}</Suspense>;
}
