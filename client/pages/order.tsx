// /orders/:id (signed-in only): one of the shopper's orders — status, lines, totals,
// address, payments and history. While it waits for payment: a live countdown to
// when it is cancelled, a "Pay now" card form and a "Cancel order" form, both plain
// forms without JavaScript. After a decline the page says why and offers to pay again.
import { PageMeta } from '../components/page-meta.tsx';
import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { orNotFound, useApi } from '../api.ts';
import { OrderBanner, type OrderQuery } from '../components/order-banner.tsx';
import { OrderDetails, type OrderDetail, type OrderEvent, type Payment } from '../components/order-details.tsx';
import { StatusBadge, STATUS_LABELS } from '../components/order-status.tsx';
import { PayForOrder } from '../components/pay-for-order.tsx';
import { formatMoney, formatTime } from '../format.ts';
import { brandOf, declineMessage } from '../payment-text.ts';
import { useQueryParams } from '../query-params.ts';
import { NotFoundPage } from './not-found.tsx';

export function OrderPage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const query = useQueryParams<OrderQuery>();
  const [order, { refetch }] = createResource(
    () => params.id,
    (id) => orNotFound(api.order.get({ orderId: wholeNumber(id) })),
  );
  return (
    <Show when={order() !== undefined}>
      <Show when={order()} fallback={<NotFoundPage message="We could not find that order." />}>
        {(o) => <OrderView order={o()} query={query} onExpired={() => void refetch()} />}
      </Show>
    </Show>
  );
}

function OrderView(props: { order: OrderDetail; query: OrderQuery; onExpired: () => void }) {
  const o = () => props.order;
  const payments = () => [...o().payments].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const lastDecline = () => (payments()[0]?.status === 'declined' ? payments()[0] : undefined);
  const justDeclined = () => props.query.payment === 'declined' || (props.query.placed === '1' && !!lastDecline());

  return (
    <article aria-labelledby="order-heading" class="max-w-5xl mx-auto">
      <PageMeta title={`Order #${o().id} — GoMall`} noindex />
      <p class="text-sm m-0 mb-2">
        <a href="/orders" class="underline text-gray-700">
          ← Your orders
        </a>
      </p>
      <div class="flex flex-wrap items-center gap-x-3 gap-y-1 mb-1">
        <h1 id="order-heading" class="text-2xl font-bold m-0">
          Order #{o().id}
        </h1>
        <StatusBadge status={o().status} />
      </div>
      <p class="text-sm text-gray-600 mt-0 mb-4">Placed {formatTime(o().createdAt)}</p>

      <OrderBanner order={o()} query={props.query} declined={justDeclined()} declineCode={lastDecline()?.declineCode ?? props.query.code} />

      <Show when={o().status === 'pending_payment'}>
        <PayForOrder order={o()} decline={justDeclined() ? undefined : lastDecline()} onExpired={props.onExpired} />
      </Show>

      <OrderDetails
        order={o()}
        shipHeading="Shipping to"
        contact={<p class="text-sm text-gray-600 mt-2 mb-0 break-words">Updates go to {o().email}</p>}
        payments={payments()}
        noPayments="No payment yet."
        payment={(p) => <PaymentEntry payment={p} currency={o().currency} />}
        event={(e) => <HistoryEntry event={e} />}
      />
    </article>
  );
}

const PAYMENT_STATUS: Partial<Record<Payment['status'], string>> = { succeeded: 'Paid', declined: 'Declined' };

function PaymentEntry(props: { payment: Payment; currency: string }) {
  const p = () => props.payment;
  return (
    <li class="payment flex flex-wrap justify-between gap-x-2">
      <span>
        {brandOf(p().brand)} {p().last4 ? `•••• ${p().last4}` : ''}
      </span>
      <span class={p().status === 'succeeded' ? 'text-green-800 font-medium' : p().status === 'declined' ? 'text-red-800 font-medium' : ''}>
        {PAYMENT_STATUS[p().status] ?? p().status} {formatMoney(p().amountCents, props.currency)}
      </span>
      <span class="w-full text-xs text-gray-600">
        {formatTime(p().createdAt)}
        {p().status === 'declined' && p().declineCode ? ` — ${declineMessage(p().declineCode)}` : ''}
      </span>
    </li>
  );
}

function HistoryEntry(props: { event: OrderEvent }) {
  return (
    <li>
      <span class="font-medium">{STATUS_LABELS[props.event.toStatus]}</span>
      <Show when={props.event.reason}>
        <span class="text-gray-700"> — {props.event.reason}</span>
      </Show>
      <br />
      <span class="text-xs text-gray-600">{formatTime(props.event.at)}</span>
    </li>
  );
}
