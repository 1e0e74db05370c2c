// /orders (signed-in only): the shopper's orders, newest first, with their status,
// total and a link to each.
import { PageMeta } from '../components/page-meta.tsx';
import { createMemo, createResource, For, Show } from 'solid-js';
import { useApi } from '../api.ts';
import { StatusBadge } from '../components/order-status.tsx';
import { Pagination } from '../components/pagination.tsx';
import { countOf, formatDate, formatMoney } from '../format.ts';
import { pageNumber, useQueryParams } from '../query-params.ts';

export function OrdersPage() {
  const api = useApi();
  const query = useQueryParams<{ page?: string }>();
  const page = createMemo(() => pageNumber(query.page));
  const [list] = createResource(page, (p) => api.order.list({ page: p }));
  return (
    <section aria-labelledby="orders-heading" class="max-w-3xl mx-auto">
      <PageMeta title="Your orders — GoMall" noindex />
      <h1 id="orders-heading" class="text-2xl font-bold mt-0 mb-4">
        Your orders
      </h1>
      <Show when={list()}>
        {(l) => (
          <>
            <Show
              when={l().items.length > 0}
              fallback={
                <div class="text-center py-16 bg-white rounded-lg border border-gray-200">
                  <p class="text-lg mb-4">{l().total > 0 ? 'No orders on this page.' : "You haven't ordered anything yet."}</p>
                  <a href={l().total > 0 ? '/orders' : '/'} class="inline-block px-4 py-2 rounded bg-gray-900 text-white no-underline hover:bg-gray-700">
                    {l().total > 0 ? 'Your latest orders' : 'Browse the catalog'}
                  </a>
                </div>
              }
            >
              <ul aria-label="Orders" class="list-none m-0 p-0 flex flex-col gap-3">
                <For each={l().items}>
                  {(order) => (
                    <li class="order-row bg-white rounded-lg border border-gray-200 hover:border-gray-400">
                      <a href={`/orders/${order.id}`} class="flex flex-wrap items-center gap-x-4 gap-y-2 p-4 no-underline text-gray-900">
                        <span class="flex flex-col min-w-[8rem]">
                          <span class="font-semibold underline">Order #{order.id}</span>
                          <span class="text-sm text-gray-600">{formatDate(order.createdAt)}</span>
                        </span>
                        <StatusBadge status={order.status} />
                        <span class="ml-auto text-right flex flex-col">
                          <span class="font-semibold tabular-nums">{formatMoney(order.totalCents, order.currency)}</span>
                          <span class="text-sm text-gray-600">{countOf(order.itemCount, 'item')}</span>
                        </span>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
              <Pagination page={page()} pageSize={l().pageSize} total={l().total} href={(n) => `/orders?page=${n}`} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
