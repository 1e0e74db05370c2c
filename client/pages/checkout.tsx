// /checkout (signed-in only; the server sends signed-out visitors to sign in).
// Online checkout is not built yet, so the page says so instead of a dead end.
import { Title } from '@solidjs/meta';

export function CheckoutPage() {
  return (
    <section aria-labelledby="checkout-heading" class="max-w-xl mx-auto bg-white rounded-lg border border-gray-200 p-5 sm:p-6">
      <Title>Checkout — GoMall</Title>
      <h1 id="checkout-heading" class="text-2xl font-bold mt-0 mb-3">
        Checkout
      </h1>
      <p class="mb-2">Online checkout is not open yet, so you can't place an order here today.</p>
      <p class="text-gray-700 mb-6">Your cart is saved in your account. It will be waiting for you when checkout opens.</p>
      <a
        href="/cart"
        class="inline-block px-4 py-2.5 rounded bg-gray-900 text-white no-underline hover:bg-gray-700 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Back to your cart
      </a>
    </section>
  );
}
