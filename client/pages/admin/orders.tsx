// /admin/orders: every order, filtered by status and searched by number or email.
import { Title } from '@solidjs/meta';
import { createMemo, createResource, For } from 'solid-js';
import { useApi } from '../../api.ts';
import { ORDER_STATUSES, STATUS_LABELS, StatusBadge } from '../../components/order-status.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { countOf, formatMoney, formatTime } from '../../format.ts';
import { pageNumber, useQueryParams } from '../../query-params.ts';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { AdminTable, FilterForm, SearchField } from './admin-list.tsx';

export function AdminOrdersPage() {
  const api = useApi();
  const params = useQueryParams<{ status?: string; q?: string; page?: string }>();
  const filters = createMemo(() => ({
    status: ORDER_STATUSES.find((s) => s === params.status),
    q: (params.q ?? '').slice(0, 200),
    page: pageNumber(params.page),
  }));
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
          <h1 class="text-2xl font-bold mt-0 mb-4">Orders</h1>
          <FilterForm action="/admin/orders" label="Filter orders">
            <label class="flex flex-col gap-1 text-sm">
              Status
              <select name="status" class="border border-gray-300 rounded px-2 py-1.5 bg-white">
                <option value="" selected={!filters().status}>
                  Any status
                </option>
                <For each={ORDER_STATUSES}>
                  {(s) => (
                    <option value={s} selected={filters().status === s}>
                      {STATUS_LABELS[s]}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <SearchField label="Order number or email" value={filters().q} />
          </FilterForm>
          <p class="text-sm text-gray-600">{countOf(page().total, 'order')}</p>
          <AdminTable
            columns={['Order', 'Placed', 'Customer', 'Status', { label: 'Items', numeric: true }, { label: 'Total', numeric: true }]}
            rows={page().items}
            empty="No orders match."
          >
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
          </AdminTable>
          <Pagination page={filters().page} pageSize={page().pageSize} total={page().total} href={href} />
        </>
      )}
    </AdminGate>
  );
}
