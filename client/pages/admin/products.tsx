// /admin/products: every product (archived ones on request), searchable, with a low-stock filter.
import { Title } from '@solidjs/meta';
import { createMemo, createResource } from 'solid-js';
import { useApi } from '../../api.ts';
import { Pagination } from '../../components/pagination.tsx';
import { StockBadge } from '../../components/product-card.tsx';
import { countOf, formatMoney } from '../../format.ts';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { AdminTable, FilterForm, SearchField } from './admin-list.tsx';
import { AdminNav } from './admin-nav.tsx';
import { pageNumber, useQueryParams } from '../../query-params.ts';

const PAGE_SIZE = 50;

type ListParams = { q?: string; lowStock?: string; includeArchived?: string; page?: string };

export function AdminProductsPage() {
  const api = useApi();
  const params = useQueryParams<ListParams>();
  const filters = createMemo(() => ({
    q: params.q ?? '',
    lowStock: params.lowStock === '1',
    includeArchived: params.includeArchived === '1',
    page: pageNumber(params.page),
  }));
  const [list] = createResource(filters, (f) =>
    asAdmin(api.admin.product.list({ q: f.q.slice(0, 2000) || undefined, lowStock: f.lowStock, includeArchived: f.includeArchived, page: f.page, pageSize: PAGE_SIZE })),
  );
  const href = (page: number) => {
    const f = filters();
    const query = new URLSearchParams({ q: f.q, page: String(page) });
    if (f.lowStock) query.set('lowStock', '1');
    if (f.includeArchived) query.set('includeArchived', '1');
    return `/admin/products?${query}`;
  };

  return (
    <AdminGate result={list()}>
      {(page) => (
        <>
          <Title>Products — GoMall admin</Title>
          <AdminNav current="products" />
          <div class="flex flex-wrap items-center justify-between gap-3 mb-4">
            <h1 class="text-2xl font-bold m-0">Products</h1>
            <a href="/admin/products/new" class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm">
              New product
            </a>
          </div>
          <FilterForm action="/admin/products">
            <SearchField label="Search" value={filters().q} />
            <label class="flex items-center gap-2 text-sm">
              <input type="checkbox" name="lowStock" value="1" checked={filters().lowStock} />
              Low stock only
            </label>
            <label class="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeArchived" value="1" checked={filters().includeArchived} />
              Include archived
            </label>
          </FilterForm>
          <p class="text-sm text-gray-600">{countOf(page().total, 'product')}</p>
          <AdminTable columns={['Product', 'Price', 'Stock', 'Status']} rows={page().items} empty="No products match.">
            {(p) => (
              <tr class="admin-product-row border-t border-gray-200">
                <td class="p-2">
                  <a href={`/admin/products/${p.id}`} class="underline">
                    {p.name}
                  </a>
                </td>
                <td class="p-2 whitespace-nowrap">{formatMoney(p.priceCents, p.currency)}</td>
                <td class="p-2 whitespace-nowrap">
                  {p.stock} <StockBadge product={p} />
                </td>
                <td class="p-2">{p.active ? 'Listed' : 'Archived'}</td>
              </tr>
            )}
          </AdminTable>
          <Pagination page={filters().page} pageSize={PAGE_SIZE} total={page().total} href={href} />
        </>
      )}
    </AdminGate>
  );
}
