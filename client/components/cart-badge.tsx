import { Suspense } from 'solid-js';
import { useCart } from '../cart-state.ts';

/** The header's link to the cart with the total quantity, server-rendered on every page. */
export function CartBadge(props: { class?: string }) {
  const { cart } = useCart();
  const count = () => cart()?.itemCount ?? 0;
  const link = (n: () => number) => (
    <a
      href="/cart"
      class={`inline-flex items-center gap-1.5 px-3 py-1.5 rounded border border-gray-300 text-sm text-gray-900 no-underline hover:bg-gray-100 ${props.class ?? ''}`}
    >
      Cart
      <span class="cart-count min-w-5 text-center rounded-full bg-gray-900 text-white text-xs px-1.5 py-0.5">{n()}</span>
      {/* Read as "Cart 2 items": the visible words stay part of the link's name. */}
      <span class="sr-only">{n() === 1 ? ' item' : ' items'}</span>
    </a>
  );
  return <Suspense fallback={link(() => 0)}>{link(count)}</Suspense>;
}
