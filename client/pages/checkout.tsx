// /checkout (signed-in only; the server sends signed-out visitors to sign in): the
// order summary priced by the server, a coupon (a GET form: /checkout?coupon=CODE),
// saved addresses to ship to, the address, email and card, and one button that
// places the order and pays for it. Everything works as plain forms without
// JavaScript; with it, picking an address fills the form and a coupon re-prices in place.
import { Title } from '@solidjs/meta';
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { useApi, type ApiOutput } from '../api.ts';
import { ActionForm, Field, SelectField, SubmitButton } from '../components/action-form.tsx';
import { formatMoney } from '../format.ts';
import { checkoutPage, placeOrder } from '../forms/checkout-forms.ts';
import { useQueryParams } from '../query-params.ts';
import { CardFields, COUNTRIES, IdempotencyKey, LineList, panel, regionName, TotalsList } from './order.tsx';

type Address = ApiOutput<ReturnType<typeof useApi>['user']['addresses']>[number];
type Preview = ApiOutput<ReturnType<typeof useApi>['checkout']['preview']>;

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
      <Title>Checkout — GoMall</Title>
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
                  <Summary preview={p()} couponCode={couponCode()} address={query.address} onCoupon={(code) => navigate(checkoutPage(code) + addressParam(query.address, !code))} />
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

const addressParam = (address: string | undefined, first: boolean) =>
  address && /^(\d{1,15}|new)$/.test(address) ? `${first ? '?' : '&'}address=${address}` : '';

function Summary(props: { preview: Preview; couponCode: string; address?: string; onCoupon: (code: string) => void }) {
  const p = () => props.preview;
  const couponProblem = () => p().problems.find((problem) => problem.code === 'INVALID_COUPON');
  const units = () => p().lines.reduce((n, line) => n + line.quantity, 0);
  let input: HTMLInputElement | undefined;
  return (
    <aside aria-labelledby="summary-heading" class={`${panel} lg:col-start-2 lg:row-start-1 lg:sticky lg:top-4 min-w-0`}>
      <h2 id="summary-heading" class="text-lg font-semibold mt-0 mb-3">
        Order summary
      </h2>
      <LineList lines={p().lines} currency={p().currency} label="Items in your order" />
      <div class="border-t border-gray-200 pt-3 mt-1">
        <TotalsList totals={p()} couponCode={p().coupon?.code} lineCount={units()} />
      </div>
      <form
        method="get"
        action="/checkout"
        aria-label="Coupon"
        class="border-t border-gray-200 pt-3 mt-3"
        onSubmit={(event) => {
          event.preventDefault();
          props.onCoupon(input?.value.trim() ?? '');
        }}
      >
        <Show when={props.address && /^(\d{1,15}|new)$/.test(props.address)}>
          <input type="hidden" name="address" value={props.address} />
        </Show>
        <label for="coupon-code" class="block text-sm font-medium mb-1">
          Coupon code
        </label>
        <div class="flex gap-2">
          <input
            ref={input}
            id="coupon-code"
            name="coupon"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            value={props.couponCode}
            aria-invalid={couponProblem() ? 'true' : undefined}
            aria-describedby={couponProblem() ? 'coupon-note' : p().coupon ? 'coupon-note' : undefined}
            class="min-w-0 flex-1 border border-gray-300 rounded px-3 py-2 bg-white uppercase aria-[invalid=true]:border-red-600"
          />
          <button type="submit" class="px-3 py-2 rounded border border-gray-300 bg-white text-sm font-medium hover:bg-gray-100">
            Apply
          </button>
        </div>
        <Show when={couponProblem()}>
          {(problem) => (
            <p id="coupon-note" role="alert" class="coupon-problem mt-1 mb-0 text-sm text-red-700">
              {problem().message}
            </p>
          )}
        </Show>
        <Show when={p().coupon}>
          {(coupon) => (
            <p id="coupon-note" class="coupon-applied mt-1 mb-0 text-sm text-green-800">
              <strong>{coupon().code}</strong> applied{coupon().description ? ` — ${coupon().description}` : ''}.{' '}
              <a href={`/checkout${addressParam(props.address, true)}`} class="underline text-gray-700" onClick={(e) => (e.preventDefault(), props.onCoupon(''))}>
                Remove
              </a>
            </p>
          )}
        </Show>
      </form>
    </aside>
  );
}

/**
 * Saved addresses as radio buttons. Without JavaScript "Use this address" reloads
 * the page with `?address=<id>` and the form below comes pre-filled; with it,
 * picking one fills the form at once. `children` renders the form with the address.
 */
function AddressPicker(props: { addresses: Address[]; chosen?: string; coupon?: string; children: (address: () => Address | undefined) => any }) {
  const initial = () => {
    if (props.chosen === 'new') return 'new';
    const asked = props.addresses.find((a) => String(a.id) === props.chosen);
    return String((asked ?? props.addresses.find((a) => a.isDefault) ?? props.addresses[0])?.id ?? 'new');
  };
  const [picked, setPicked] = createSignal<string>();
  const chosen = () => picked() ?? initial();
  const address = () => props.addresses.find((a) => String(a.id) === chosen());
  const [enhanced, setEnhanced] = createSignal(false);
  onMount(() => setEnhanced(true));
  return (
    <>
      <Show when={props.addresses.length > 0}>
        <form method="get" action="/checkout" aria-labelledby="saved-heading" class={panel}>
          <Show when={props.coupon}>{(code) => <input type="hidden" name="coupon" value={code()} />}</Show>
          <fieldset class="border-0 p-0 m-0">
            <legend id="saved-heading" class="text-lg font-semibold mb-3 p-0">
              Ship to a saved address
            </legend>
            <div class="grid gap-2 sm:grid-cols-2">
              <For each={props.addresses}>
                {(a) => (
                  <label class="saved-address flex items-start gap-2 p-3 rounded border border-gray-300 cursor-pointer has-[:checked]:border-gray-900 has-[:checked]:bg-gray-50 text-sm">
                    <input type="radio" name="address" value={a.id} checked={chosen() === String(a.id)} onChange={() => setPicked(String(a.id))} class="mt-1" />
                    <span class="min-w-0 break-words">
                      <span class="font-medium">
                        {a.firstName} {a.lastName}
                      </span>
                      <br />
                      {a.street}, {a.city}
                      {a.state ? `, ${a.state}` : ''} {a.zip}, {regionName(a.country)}
                      <Show when={a.isDefault}>
                        <span class="block text-xs text-green-800 font-medium">Default</span>
                      </Show>
                    </span>
                  </label>
                )}
              </For>
              <label class="saved-address flex items-start gap-2 p-3 rounded border border-gray-300 cursor-pointer has-[:checked]:border-gray-900 has-[:checked]:bg-gray-50 text-sm">
                <input type="radio" name="address" value="new" checked={chosen() === 'new'} onChange={() => setPicked('new')} class="mt-1" />
                <span class="font-medium">A new address</span>
              </label>
            </div>
          </fieldset>
          <Show when={!enhanced()}>
            <button type="submit" class="mt-3 px-3 py-1.5 rounded border border-gray-300 bg-white text-sm hover:bg-gray-100">
              Use this address
            </button>
          </Show>
        </form>
      </Show>
      {props.children(address)}
    </>
  );
}
