// /admin/orders/:id: one order with the steps after payment (ship, complete, refund).
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { wholeNumber } from '../../../routers/shared/form-numbers.ts';
import { orNotFound, useApi } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { CheckboxField } from '../../components/form-fields.tsx';
import { OrderDetails, type OrderDetail, type OrderEvent, type Payment } from '../../components/order-details.tsx';
import { STATUS_LABELS, StatusBadge } from '../../components/order-status.tsx';
import { panel } from '../../components/panel.ts';
import { SavedNotice } from '../../components/saved-notice.tsx';
import { formatMoney, formatTime } from '../../format.ts';
import { completeOrder, refundOrder, shipOrder } from '../../forms/admin-order-forms.ts';
import { brandOf } from '../../payment-text.ts';
import { useQueryParams } from '../../query-params.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';

const SAVED: Record<string, string> = {
  shipped: 'The order is marked as shipped.',
  completed: 'The order is marked as completed.',
  refunded: 'The order is refunded.',
};

export function AdminOrderPage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const query = useQueryParams<{ saved?: string }>();
  const [result] = createResource(
    () => params.id,
    async (id) => asAdmin(orNotFound(api.admin.order.get({ orderId: wholeNumber(id) })).then((order) => ({ order }))),
  );
  return (
    <AdminGate result={result()}>
      {(found) => (
        <Show when={found().order} fallback={<NotFoundPage message="There is no such order." />}>
          {(o) => (
            <>
              <Title>{`Order #${o().id} — GoMall admin`}</Title>
              <p class="text-sm m-0 mb-2">
                <a href="/admin/orders" class="underline">
                  ← All orders
                </a>
              </p>
              <div class="flex flex-wrap items-center gap-3 mb-1">
                <h1 class="text-2xl font-bold m-0">Order #{o().id}</h1>
                <StatusBadge status={o().status} />
              </div>
              <p class="text-sm text-gray-600 mt-0 mb-4">
                Placed {formatTime(o().createdAt)} by {o().email}
              </p>
              <SavedNotice messages={SAVED} saved={query.saved} />
              <NextSteps order={o()} />
              <OrderDetails
                order={o()}
                shipHeading="Ship to"
                payments={o().payments}
                noPayments="None."
                payment={(p) => <PaymentEntry payment={p} currency={o().currency} />}
                event={(e) => <HistoryEntry event={e} />}
              />
            </>
          )}
        </Show>
      )}
    </AdminGate>
  );
}

function NextSteps(props: { order: OrderDetail }) {
  const o = () => props.order;
  const refundable = () => ['paid', 'shipped', 'completed'].includes(o().status);
  return (
    <section aria-labelledby="actions-heading" class={`${panel} mb-6`}>
      <h2 id="actions-heading" class="text-lg font-semibold mt-0 mb-3">
        Next steps
      </h2>
      <div class="flex flex-wrap gap-6 items-start">
        <Show when={o().status === 'paid'}>
          <ActionForm action={shipOrder} aria-label="Mark as shipped">
            <input type="hidden" name="orderId" value={o().id} />
            <SubmitButton label="Mark as shipped" busyLabel="Saving…" />
          </ActionForm>
        </Show>
        <Show when={o().status === 'shipped'}>
          <ActionForm action={completeOrder} aria-label="Mark as completed">
            <input type="hidden" name="orderId" value={o().id} />
            <SubmitButton label="Mark as completed" busyLabel="Saving…" />
          </ActionForm>
        </Show>
        <Show when={refundable()}>
          <ActionForm action={refundOrder} aria-label="Refund" confirm={`Refund order #${o().id} in full?`} class="border-l border-gray-200 pl-6">
            <input type="hidden" name="orderId" value={o().id} />
            <CheckboxField name="restock" label="Put the items back in stock" checked={o().status === 'paid'} />
            <button type="submit" class="px-4 py-2 rounded border border-red-300 text-red-800 bg-white hover:bg-red-50 text-sm font-medium">
              Refund {formatMoney(o().totalCents, o().currency)}
            </button>
          </ActionForm>
        </Show>
        <Show when={!refundable() && o().status !== 'paid' && o().status !== 'shipped'}>
          <p class="m-0 text-sm text-gray-600">
            {o().status === 'pending_payment' ? 'Waiting for the customer to pay.' : 'Nothing more to do for this order.'}
          </p>
        </Show>
      </div>
    </section>
  );
}

/** As stored: the gateway's status and decline code, for staff. */
function PaymentEntry(props: { payment: Payment; currency: string }) {
  const p = () => props.payment;
  return (
    <li>
      {p().status} {formatMoney(p().amountCents, props.currency)} — {brandOf(p().brand)} {p().last4 ? `•••• ${p().last4}` : ''}
      {p().declineCode ? ` (${p().declineCode})` : ''}
      <br />
      <span class="text-xs text-gray-600">{formatTime(p().createdAt)}</span>
    </li>
  );
}

function HistoryEntry(props: { event: OrderEvent }) {
  const e = () => props.event;
  const from = () => {
    const status = e().fromStatus;
    return status ? `${STATUS_LABELS[status]} → ` : '';
  };
  return (
    <li>
      {from()}
      <strong>{STATUS_LABELS[e().toStatus]}</strong>
      {e().reason ? ` — ${e().reason}` : ''}
      <br />
      <span class="text-xs text-gray-600">{formatTime(e().at)}</span>
    </li>
  );
}
