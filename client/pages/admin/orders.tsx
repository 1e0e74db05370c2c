// /admin/orders: every order, filtered by status and searched by number or email;
// /admin/orders/:id: one order with the steps after payment (ship, complete, refund).
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { MAX_PAGE } from '../../../routers/shared/paging.ts';
import { wholeNumber } from '../../../routers/shared/form-numbers.ts';
import { orNotFound, useApi } from '../../api.ts';
import { ActionForm, CheckboxField, SubmitButton } from '../../components/action-form.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { countOf, formatMoney } from '../../format.ts';
import { completeOrder, refundOrder, shipOrder } from '../../forms/admin-order-forms.ts';
import { known } from '../../known.ts';
import { useQueryParams } from '../../query-params.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AddressBlock, brandOf, formatTime, LineList, panel, STATUS_LABELS, StatusBadge, TotalsList, type OrderStatus, type ShippingAddress } from '../order.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';

/** The console's sections, on each of its pages. */
export function AdminNav(props: { current: 'products' | 'orders' | 'coupons' }) {
  const link = (section: typeof props.current, label: string) => (
    <li>
      <a
        href={`/admin/${section}`}
        aria-current={props.current === section ? 'page' : undefined}
        class={`block px-3 py-1.5 rounded text-sm no-underline ${props.current === section ? 'bg-gray-900 text-white' : 'text-gray-800 hover:bg-gray-200'}`}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="Admin" class="mb-4">
      <ul class="flex flex-wrap gap-2 list-none m-0 p-0">
        {link('products', 'Products')}
        {link('orders', 'Orders')}
        {link('coupons', 'Coupons')}
      </ul>
    </nav>
  );
}

const STATUSES = Object.keys(STATUS_LABELS) as OrderStatus[];

export function AdminOrdersPage() {
  const api = useApi();
  const params = useQueryParams<{ status?: string; q?: string; page?: string }>();
  const filters = createMemo(() => {
    const page = Math.floor(Number(params.page));
    return {
      status: STATUSES.find((s) => s === params.status),
      q: (params.q ?? '').slice(0, 200),
      page: page >= 1 && page <= MAX_PAGE ? page : 1,
    };
  });
  const [list] = createResource(filters, (f) => asAdmin(api.admin.order.list({ status: f.status, q: f.q.trim() || undefined, page: f.page })));
  const href = (page: number) => {
    const f = filters();
    const query = new URLSearchParams({ ...(f.status ? { status: f.status } : {}), ...(f.q ? { q: f.q } : {}), page: String(page) });
    return `/admin/orders?${query}`;
  };
  return (
    <AdminGate result={list()}>
      {(page) => (
        <>
          <Title>Orders — GoMall admin</Title>
          <AdminNav current="orders" />
          <h1 class="text-2xl font-bold mt-0 mb-4">Orders</h1>
          <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" class="flex flex-wrap items-end gap-3 mb-4">
            <label class="flex flex-col gap-1 text-sm">
              Status
              <select name="status" class="border border-gray-300 rounded px-2 py-1.5 bg-white">
                <option value="" selected={!filters().status}>
                  Any status
                </option>
                <For each={STATUSES}>
                  {(s) => (
                    <option value={s} selected={filters().status === s}>
                      {STATUS_LABELS[s]}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <label class="flex flex-col gap-1 text-sm">
              Order number or email
              <input name="q" type="search" value={filters().q} class="border border-gray-300 rounded px-2 py-1.5 bg-white" />
            </label>
            <button type="submit" class="px-3 py-1.5 rounded border border-gray-300 bg-white text-sm">
              Filter
            </button>
          </form>
          <p class="text-sm text-gray-600">{countOf(page().total, 'order')}</p>
          <div class="overflow-x-auto">
            <table class="w-full text-sm bg-white border border-gray-200 rounded">
              <thead class="bg-gray-100 text-left">
                <tr>
                  <th scope="col" class="p-2">Order</th>
                  <th scope="col" class="p-2">Placed</th>
                  <th scope="col" class="p-2">Customer</th>
                  <th scope="col" class="p-2">Status</th>
                  <th scope="col" class="p-2 text-right">Items</th>
                  <th scope="col" class="p-2 text-right">Total</th>
                </tr>
              </thead>
              <tbody>
                <For each={page().items} fallback={<tr><td colspan="6" class="p-4 text-center text-gray-600">No orders match.</td></tr>}>
                  {(o) => (
                    <tr class="admin-order-row border-t border-gray-200">
                      <td class="p-2">
                        <a href={`/admin/orders/${o.id}`} class="underline">
                          #{o.id}
                        </a>
                      </td>
                      <td class="p-2 whitespace-nowrap">{formatTime(o.createdAt)}</td>
                      <td class="p-2 break-all">{o.email}</td>
                      <td class="p-2">
                        <StatusBadge status={o.status} />
                      </td>
                      <td class="p-2 text-right">{o.itemCount}</td>
                      <td class="p-2 text-right whitespace-nowrap tabular-nums">{formatMoney(o.totalCents, o.currency)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Pagination page={filters().page} pageSize={page().pageSize} total={page().total} href={href} />
        </>
      )}
    </AdminGate>
  );
}

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
          {(order) => {
            const o = order;
            const refundable = () => ['paid', 'shipped', 'completed'].includes(o().status);
            return (
              <>
                <Title>{`Order #${o().id} — GoMall admin`}</Title>
                <AdminNav current="orders" />
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
                <Show when={known(SAVED, query.saved)}>
                  {(message) => (
                    <p role="status" class="mb-4 p-3 rounded border border-green-300 bg-green-50 text-green-800 text-sm">
                      {message()}
                    </p>
                  )}
                </Show>
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
                <div class="grid gap-6 lg:grid-cols-[1fr_20rem] items-start">
                  <section aria-labelledby="items-heading" class={panel}>
                    <h2 id="items-heading" class="text-lg font-semibold mt-0 mb-3">
                      Items
                    </h2>
                    <LineList lines={o().lines} currency={o().currency} label={`Items in order #${o().id}`} />
                    <div class="border-t border-gray-200 pt-3 mt-1">
                      <TotalsList totals={o()} couponCode={o().couponCode} lineCount={o().lines.reduce((n, l) => n + l.quantity, 0)} />
                    </div>
                  </section>
                  <div class="flex flex-col gap-6">
                    <section aria-labelledby="ship-heading" class={panel}>
                      <h2 id="ship-heading" class="text-base font-semibold mt-0 mb-2">
                        Ship to
                      </h2>
                      <AddressBlock address={o().shippingAddress as unknown as ShippingAddress} />
                    </section>
                    <section aria-labelledby="payments-heading" class={panel}>
                      <h2 id="payments-heading" class="text-base font-semibold mt-0 mb-2">
                        Payments
                      </h2>
                      <ul class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
                        <For each={o().payments} fallback={<li class="text-gray-600">None.</li>}>
                          {(p) => (
                            <li>
                              {p.status} {formatMoney(p.amountCents, o().currency)} — {brandOf(p.brand)} {p.last4 ? `•••• ${p.last4}` : ''}
                              {p.declineCode ? ` (${p.declineCode})` : ''}
                              <br />
                              <span class="text-xs text-gray-600">{formatTime(p.createdAt)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                    <section aria-labelledby="history-heading" class={panel}>
                      <h2 id="history-heading" class="text-base font-semibold mt-0 mb-2">
                        History
                      </h2>
                      <ol class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
                        <For each={o().history}>
                          {(e) => (
                            <li>
                              {e.fromStatus ? `${known(STATUS_LABELS, e.fromStatus) ?? e.fromStatus} → ` : ''}
                              <strong>{known(STATUS_LABELS, e.toStatus) ?? e.toStatus}</strong>
                              {e.reason ? ` — ${e.reason}` : ''}
                              <br />
                              <span class="text-xs text-gray-600">{formatTime(e.at)}</span>
                            </li>
                          )}
                        </For>
                      </ol>
                    </section>
                  </div>
                </div>
              </>
            );
          }}
        </Show>
      )}
    </AdminGate>
  );
}
