// A pending order's "Pay for your order" section: a live countdown to when it is
// cancelled, the last decline, a "Pay now" card form and a "Cancel order" form.
import { createResource, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { formatMoney } from '../format.ts';
import { cancelOrder, payOrder } from '../forms/order-forms.ts';
import { declineMessage } from '../payment-text.ts';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { CardFields } from './card-fields.tsx';
import { IdempotencyKey } from './idempotency-key.tsx';
import type { OrderDetail, Payment } from './order-details.tsx';

/** "14:59": minutes and seconds. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The time the server rendered the page, kept through hydration so the countdown starts where the HTML left it. */
function useNow() {
  const [rendered] = createResource(async () => Date.now());
  const [now, setNow] = createSignal<number | undefined>();
  onMount(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    onCleanup(() => clearInterval(timer));
  });
  return () => now() ?? rendered() ?? Date.now();
}

export function PayForOrder(props: {
  order: OrderDetail;
  /** The last declined payment, unless the banner already tells of it. */
  decline?: Payment;
  onExpired: () => void;
}) {
  const o = () => props.order;
  const now = useNow();
  // Never more than the whole window, whatever the browser's clock says.
  const remaining = () => Math.min(Math.max(0, o().expiresAt - now()), Math.max(0, o().expiresAt - o().createdAt));
  return (
    <section aria-labelledby="pay-heading" class="mb-6 bg-white rounded-lg border-2 border-amber-300 p-4 sm:p-5">
      <h2 id="pay-heading" class="text-lg font-semibold mt-0 mb-1">
        Pay for your order
      </h2>
      <Show
        when={remaining() > 0}
        fallback={
          <p class="m-0 text-amber-900">
            The time to pay has run out, so this order is being cancelled.{' '}
            <button type="button" class="underline bg-transparent border-0 p-0 cursor-pointer text-amber-900" onClick={props.onExpired}>
              Refresh
            </button>
          </p>
        }
      >
        <p class="countdown mt-0 mb-4 text-amber-900" role="timer" aria-live="off">
          Pay within <strong class="tabular-nums">{clock(remaining())}</strong> or this order is cancelled automatically.
        </p>
        <Show when={props.decline}>
          {(payment) => (
            <p class="mt-0 mb-4 text-sm text-gray-700">
              The last attempt{payment().last4 ? ` (card ending ${payment().last4})` : ''} was declined: {declineMessage(payment().declineCode)}
            </p>
          )}
        </Show>
        <div class="grid gap-6 md:grid-cols-[1fr_auto] items-start">
          <ActionForm action={payOrder} aria-label="Pay now" class="max-w-md">
            <input type="hidden" name="orderId" value={o().id} />
            <IdempotencyKey />
            <CardFields />
            <SubmitButton label={`Pay ${formatMoney(o().totalCents, o().currency)} now`} busyLabel="Paying…" />
          </ActionForm>
          <ActionForm
            action={cancelOrder}
            aria-label="Cancel order"
            confirm={`Cancel order #${o().id}? The items go back on sale.`}
            class="md:border-l md:border-gray-200 md:pl-6"
          >
            <input type="hidden" name="orderId" value={o().id} />
            <p class="text-sm text-gray-600 mt-0 mb-2">Changed your mind?</p>
            <button type="submit" class="px-4 py-2 rounded border border-red-300 text-red-800 bg-white hover:bg-red-50 text-sm font-medium">
              Cancel order
            </button>
          </ActionForm>
        </div>
      </Show>
    </section>
  );
}
