// /admin/products: every product (archived ones on request), searchable, with a low-stock
// filter, sortable by each column (plain links: ?sort=price&dir=desc), each with its picture
// and a link to where shoppers see it.
import { Title } from '@solidjs/meta';
import { createMemo, createResource, Show } from 'solid-js';
import { ADMIN_PRODUCT_SORTS, type AdminProductSort, type SortDirection } from '../../../routers/shared/sorting.ts';
import { useApi } from '../../api.ts';
import { Pagination } from '../../components/pagination.tsx';
import { StockBadge } from '../../components/product-card.tsx';
import { countOf, formatDate, formatMoney } from '../../format.ts';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { AdminTable, FilterForm, SearchField, type SortState } from './admin-list.tsx';
import { pageNumber, useQueryParams } from '../../query-params.ts';

const PAGE_SIZE = 50;

type ListParams = { q?: string; lowStock?: string; includeArchived?: string; page?: string; sort?: string; dir?: string };

/** The way a column first sorts when its heading is chosen: the latest changes first, the rest A→Z, low→high. */
const FIRST_DIRECTION: Record<AdminProductSort, SortDirection> = { name: 'asc', price: 'asc', stock: 'asc', status: 'asc', updated: 'desc' };

const isSort = (value: string | undefined): value is AdminProductSort => (ADMIN_PRODUCT_SORTS as readonly string[]).includes(value ?? '');

export function AdminProductsPage() {
  const api = useApi();
  const params = useQueryParams<ListParams>();
  const filters = createMemo(() => ({
    q: params.q ?? '',
    lowStock: params.lowStock === '1',
    includeArchived: params.includeArchived === '1',
    page: pageNumber(params.page),
    // An unknown sort in the address is ignored, as an unknown page number is.
    sort: isSort(params.sort) ? params.sort : undefined,
    dir: params.dir === 'desc' ? ('desc' as const) : ('asc' as const),
  }));
  const [list] = createResource(filters, (f) =>
    asAdmin(
      api.admin.product.list({
        q: f.q.slice(0, 2000) || undefined,
        lowStock: f.lowStock,
        includeArchived: f.includeArchived,
        sort: f.sort,
        dir: f.dir,
        page: f.page,
        pageSize: PAGE_SIZE,
      }),
    ),
  );

  /** This list's address with some parameters changed; the filters always stay. */
  const href = (change: { page?: number; sort?: AdminProductSort; dir?: SortDirection }) => {
    const f = { ...filters(), page: undefined, ...change };
    const query = new URLSearchParams();
    if (f.q) query.set('q', f.q);
    if (f.lowStock) query.set('lowStock', '1');
    if (f.includeArchived) query.set('includeArchived', '1');
    if (f.sort) {
      query.set('sort', f.sort);
      query.set('dir', f.dir);
    }
    if (f.page && f.page > 1) query.set('page', String(f.page));
    return `/admin/products${query.size ? `?${query}` : ''}`;
  };
  /** The order the list is in: the one asked for, else the procedure's (by name; by stock for low stock). */
  const ordered = () => filters().sort ?? (filters().lowStock ? 'stock' : 'name');
  /** A sortable heading: its link keeps the filters, starts at page 1, and turns the order round on the sorted column. */
  const sortable = (column: AdminProductSort) => {
    const active = ordered() === column;
    const state: SortState | undefined = active ? (filters().dir === 'desc' ? 'descending' : 'ascending') : undefined;
    const dir = active ? (filters().dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column];
    return { href: href({ sort: column, dir }), state };
  };

  return (
    <AdminGate result={list()}>
      {(page) => (
        <>
          <Title>Products — GoMall admin</Title>
          <div class="flex flex-wrap items-center justify-between gap-3 mb-4">
            <h1 class="text-2xl font-bold m-0">Products</h1>
            <a href="/admin/products/new" class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm no-underline hover:bg-gray-700">
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
            {/* Filtering keeps the order chosen. */}
            <Show when={filters().sort}>
              {(sort) => (
                <>
                  <input type="hidden" name="sort" value={sort()} />
                  <input type="hidden" name="dir" value={filters().dir} />
                </>
              )}
            </Show>
          </FilterForm>
          <p class="text-sm text-gray-600">{countOf(page().total, 'product')}</p>
          <AdminTable
            columns={[
              { label: 'Picture', hidden: true },
              { label: 'Product', sort: sortable('name') },
              { label: 'Price', numeric: true, sort: sortable('price') },
              { label: 'Stock', sort: sortable('stock') },
              { label: 'Status', sort: sortable('status') },
              { label: 'Updated', sort: sortable('updated') },
            ]}
            rows={page().items}
            empty="No products match."
          >
            {(p) => (
              <tr class="admin-product-row border-t border-gray-200 align-middle">
                <td class="p-2 w-14">
                  {/* The name is beside it: the picture adds nothing for a screen reader. */}
                  <img src={p.imageUrl} alt="" width="44" height="44" loading="lazy" decoding="async" class="block w-11 h-11 max-w-none rounded object-cover bg-gray-100 border border-gray-200" />
                </td>
                <td class="p-2 min-w-[10rem]">
                  <a href={`/admin/products/${p.id}`} class="font-medium underline">
                    {p.name}
                  </a>
                  <div class="text-xs mt-0.5">
                    <Show when={p.active} fallback={<span class="text-gray-600">Not visible in the shop</span>}>
                      <a href={`/product/${p.slug}`} class="view-in-shop text-gray-600 hover:text-gray-900 underline">
                        View in shop<span class="sr-only">: {p.name}</span>
                      </a>
                    </Show>
                  </div>
                </td>
                <td class="p-2 text-right tabular-nums whitespace-nowrap">{formatMoney(p.priceCents, p.currency)}</td>
                <td class="p-2 whitespace-nowrap tabular-nums">
                  {p.stock} <StockBadge product={p} />
                </td>
                <td class="p-2">
                  <span class={`inline-block px-2 py-0.5 rounded-full text-xs ${p.active ? 'bg-green-100 text-green-900' : 'bg-gray-200 text-gray-700'}`}>
                    {p.active ? 'Listed' : 'Archived'}
                  </span>
                </td>
                <td class="p-2 whitespace-nowrap text-gray-700">{formatDate(p.updatedAt)}</td>
              </tr>
            )}
          </AdminTable>
          <Pagination page={filters().page} pageSize={PAGE_SIZE} total={page().total} href={(n) => href({ page: n })} />
        </>
      )}
    </AdminGate>
  );
}
