// /checkout (signed-in only; the server sends signed-out visitors to sign in): the
// order summary priced by the server, a coupon (a GET form: /checkout?coupon=CODE),
// saved addresses to ship to, the address, email and card, and one button that
// places the order and pays for it. Everything works as plain forms without
// JavaScript; with it, picking an address fills the form and a coupon re-prices in place.
import { PageMeta } from '../components/page-meta.tsx';
import { useNavigate } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { useApi } from '../api.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { Field, SelectField } from '../components/form-fields.tsx';
import { AddressPicker } from '../components/address-picker.tsx';
import { CardFields } from '../components/card-fields.tsx';
import { addressParam, CheckoutSummary } from '../components/checkout-summary.tsx';
import { IdempotencyKey } from '../components/idempotency-key.tsx';
import { panel } from '../components/panel.ts';
import { COUNTRIES } from '../countries.ts';
import { formatMoney } from '../format.ts';
import { checkoutPage, placeOrder } from '../forms/checkout-forms.ts';
import { useQueryParams } from '../query-params.ts';

export function CheckoutPage() {
  const api = useApi();
  const navigate = useNavigate();
  const query = useQueryParams<{ coupon?: string; address?: string }>();
  const couponCode = () => query.coupon?.trim().slice(0, 64) ?? '';
  const [preview] = createResource(
    () => ({ couponCode: couponCode() }),
    ({ couponCode }) => api.checkout.preview(couponCode ? { couponCode } : {}),
  );
  const [me] = createResource(() => api.user.me());
  const [addresses] = createResource(() => api.user.addresses());

  return (
    <>
      <PageMeta title="Checkout — GoMall" noindex />
      <h1 class="text-2xl font-bold mt-0 mb-4">Checkout</h1>
      <Show when={preview()}>
        {(p) => {
          const blocking = () => p().problems.filter((problem) => problem.code !== 'INVALID_COUPON');
          return (
            <>
              <Show when={blocking().length > 0}>
                <section
                  aria-labelledby="problems-heading"
                  class="checkout-problems mb-6 p-4 rounded-lg border-2 border-amber-400 bg-amber-50 text-amber-950"
                >
                  <h2 id="problems-heading" class="text-lg font-semibold mt-0 mb-2">
                    {p().lines.length ? 'Your cart needs a change before you can order' : 'There is nothing to check out'}
                  </h2>
                  <ul class="m-0 mb-3 pl-5">
                    <For each={blocking()}>{(problem) => <li>{problem.message}</li>}</For>
                  </ul>
                  <a href="/cart" class="inline-block px-4 py-2 rounded bg-gray-900 text-white no-underline hover:bg-gray-700">
                    {p().lines.length ? 'Review your cart' : 'Back to your cart'}
                  </a>
                </section>
              </Show>
              <Show when={p().lines.length > 0}>
                <div class="grid gap-6 lg:grid-cols-[1fr_22rem] items-start">
                  <CheckoutSummary preview={p()} couponCode={couponCode()} address={query.address} onCoupon={(code) => navigate(checkoutPage(code) + addressParam(query.address, !code))} />
                  <Show when={blocking().length === 0}>
                    <div class="flex flex-col gap-6 lg:col-start-1 lg:row-start-1 min-w-0">
                      <AddressPicker addresses={addresses() ?? []} chosen={query.address} coupon={p().coupon?.code}>
                        {(address) => (
                          <ActionForm action={placeOrder} aria-label="Place your order" class="flex flex-col gap-6">
                            <IdempotencyKey />
                            <Show when={p().coupon}>{(c) => <input type="hidden" name="couponCode" value={c().code} />}</Show>
                            <section aria-labelledby="ship-heading" class={panel}>
                              <h2 id="ship-heading" class="text-lg font-semibold mt-0 mb-4">
                                Contact and shipping
                              </h2>
                              <Field name="email" label="Email for order updates" type="email" autocomplete="email" required value={me()?.email} />
                              <div class="grid grid-cols-1 sm:grid-cols-2 gap-x-4">
                                <Field name="shippingAddress.firstName" label="First name" autocomplete="shipping given-name" required value={address()?.firstName} />
                                <Field name="shippingAddress.lastName" label="Last name" autocomplete="shipping family-name" required value={address()?.lastName} />
                              </div>
                              <Field name="shippingAddress.street" label="Street and number" autocomplete="shipping address-line1" required value={address()?.street} />
                              <div class="grid grid-cols-1 sm:grid-cols-2 gap-x-4">
                                <Field name="shippingAddress.city" label="City" autocomplete="shipping address-level2" required value={address()?.city} />
                                <Field name="shippingAddress.state" label="State or region (if any)" autocomplete="shipping address-level1" value={address()?.state ?? ''} />
                                <Field name="shippingAddress.zip" label="ZIP or postal code" autocomplete="shipping postal-code" required value={address()?.zip} />
                                <SelectField name="shippingAddress.country" label="Country" options={COUNTRIES} value={address()?.country ?? 'US'} />
                              </div>
                            </section>
                            <section aria-labelledby="payment-heading" class={panel}>
                              <h2 id="payment-heading" class="text-lg font-semibold mt-0 mb-4">
                                Payment
                              </h2>
                              <CardFields />
                              <div class="border-t border-gray-200 pt-4 flex flex-col sm:flex-row sm:items-center gap-3">
                                <SubmitButton label={`Place order and pay ${formatMoney(p().totalCents, p().currency)}`} busyLabel="Placing your order…" />
                                <p class="text-xs text-gray-600 m-0">Your card is charged once, when you place the order.</p>
                              </div>
                            </section>
                          </ActionForm>
                        )}
                      </AddressPicker>
                    </div>
                  </Show>
                </div>
              </Show>
            </>
          );
        }}
      </Show>
    </>
  );
}
