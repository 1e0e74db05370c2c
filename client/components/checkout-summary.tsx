// Checkout's order summary: the lines and totals as the server priced them, and the
// coupon form (a GET form, /checkout?coupon=CODE; with JavaScript it re-prices in place).
import { Show } from 'solid-js';
import type { Api, ApiOutput } from '../api.ts';
import { LineList, TotalsList } from './order-lines.tsx';
import { panel } from './panel.ts';

type Preview = ApiOutput<Api['checkout']['preview']>;

/** `?address=` as checkout passes it on: a saved address's id, or "new". */
const isAddressParam = (address?: string) => !!address && /^(\d{1,15}|new)$/.test(address);

/** The address parameter for a checkout URL, as its first parameter or a later one; empty when there is none. */
export const addressParam = (address: string | undefined, first: boolean) => (isAddressParam(address) ? `${first ? '?' : '&'}address=${address}` : '');

export function CheckoutSummary(props: { preview: Preview; couponCode: string; address?: string; onCoupon: (code: string) => void }) {
  const p = () => props.preview;
  const couponProblem = () => p().problems.find((problem) => problem.code === 'INVALID_COUPON');
  let input: HTMLInputElement | undefined;
  return (
    <aside aria-labelledby="summary-heading" class={`${panel} lg:col-start-2 lg:row-start-1 lg:sticky lg:top-4 min-w-0`}>
      <h2 id="summary-heading" class="text-lg font-semibold mt-0 mb-3">
        Order summary
      </h2>
      <LineList lines={p().lines} currency={p().currency} label="Items in your order" />
      <div class="border-t border-gray-200 pt-3 mt-1">
        <TotalsList totals={p()} couponCode={p().coupon?.code} />
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
        <Show when={isAddressParam(props.address)}>
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
