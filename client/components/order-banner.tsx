// The message at the top of a shopper's order page after checkout, a payment or a
// cancellation sent them there (the address says which).
import { Show } from 'solid-js';
import { declineMessage } from '../payment-text.ts';
import type { OrderDetail } from './order-details.tsx';

/** What the address of an order page carries after a form sent the shopper there. */
export type OrderQuery = { placed?: string; payment?: string; code?: string; cancelled?: string };

export function OrderBanner(props: { order: OrderDetail; query: OrderQuery; declined: boolean; declineCode?: string | null }) {
  const o = () => props.order;
  const box = (tone: 'good' | 'bad' | 'info') =>
    `order-banner mb-6 p-4 rounded-lg border ${tone === 'good' ? 'border-green-300 bg-green-50 text-green-900' : tone === 'bad' ? 'border-red-300 bg-red-50 text-red-900' : 'border-blue-300 bg-blue-50 text-blue-900'}`;
  const paid = () => o().status !== 'pending_payment' && o().status !== 'cancelled';
  const announce = () => props.query.placed === '1' || !!props.query.payment || props.query.cancelled === '1';
  return (
    <Show when={announce()}>
      <Show
        when={!(props.query.cancelled === '1' || o().status === 'cancelled')}
        fallback={
          <div role="status" tabindex="-1" class={box('info')}>
            <p class="m-0 font-semibold">Order #{o().id} is cancelled.</p>
            <p class="m-0 text-sm">Nothing was charged, and the items are back on sale.</p>
          </div>
        }
      >
        <Show
          when={!paid()}
          fallback={
            <div role="status" tabindex="-1" class={box('good')}>
              <p class="m-0 font-semibold text-lg">Thank you — order #{o().id} is paid.</p>
              <p class="m-0 text-sm">We'll email {o().email} when it ships.</p>
            </div>
          }
        >
          <Show
            when={props.declined}
            fallback={
              <div role="status" tabindex="-1" class={box('info')}>
                <p class="m-0 font-semibold">Order #{o().id} is placed and waiting for payment.</p>
                <p class="m-0 text-sm">Pay below to complete it.</p>
              </div>
            }
          >
            <div role="alert" tabindex="-1" class={box('bad')}>
              <p class="m-0 font-semibold">The payment was declined: {declineMessage(props.declineCode)}</p>
              <p class="m-0 text-sm">
                Your order #{o().id} is saved. Pay again below with another card before the time runs out.
              </p>
            </div>
          </Show>
        </Show>
      </Show>
    </Show>
  );
}
