import { useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { PRODUCT_SORTS, type ProductSort } from '../../routers/shared/sorting.ts';
import { MAX_PAGE } from '../../routers/shared/paging.ts';
import { orNotFound, useApi } from '../api.ts';
import { PageMeta } from '../components/page-meta.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { countOf } from '../format.ts';
import { NotFoundPage } from './not-found.tsx';
import { useQueryParams } from '../query-params.ts';

const SORT_LABELS: Record<ProductSort, string> = {
  featured: 'Featured',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  name: 'Name',
};
const PAGE_SIZE = 24;

export function CategoryPage() {
  const api = useApi();
  const params = useParams<{ slug: string }>();
  const search = useQueryParams<{ page?: string; sort?: string }>();
  const navigate = useNavigate();
  const sort = (): ProductSort => (PRODUCT_SORTS as readonly string[]).includes(search.sort ?? '') ? (search.sort as ProductSort) : 'featured';
  // Past the last page shows an empty page with a way back, however far past.
  const page = () => Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(search.page)) || 1));

  const [data] = createResource(
    () => ({ slug: params.slug, page: page(), sort: sort() }),
    async ({ slug, page, sort }) => {
      const [categories, products] = await Promise.all([
        api.product.categories(),
        orNotFound(api.product.list({ category: slug, page, sort, pageSize: PAGE_SIZE })),
      ]);
      const category = categories.find((c) => c.slug === slug);
      return products && category ? { category, products } : null;
    },
  );
  const href = (n: number) => `/category/${params.slug}?${new URLSearchParams({ sort: sort(), page: String(n) })}`;

  return (
    <Show when={data() !== undefined}>
      <Show when={data()} fallback={<NotFoundPage message="There is no such category." />}>
        {(found) => (
          <>
            {/* Sorted or not, it is the same page: the canonical address keeps only the page number. */}
            <PageMeta
              title={`${found().category.name} — GoMall`}
              shareTitle={found().category.name}
              description={found().category.description}
              path={`/category/${params.slug}${page() > 1 ? `?page=${page()}` : ''}`}
            />
            <div class="flex flex-wrap items-end justify-between gap-4 mb-6">
              <div>
                <h1 class="text-2xl font-bold">{found().category.name}</h1>
                <p class="text-gray-600">{found().category.description}</p>
                <p class="text-sm text-gray-500 mt-1">{countOf(found().products.total, 'product')}</p>
              </div>
              <form method="get" class="flex items-center gap-2">
                <label for="sort" class="text-sm">
                  Sort by
                </label>
                <select
                  id="sort"
                  name="sort"
                  class="border border-gray-300 rounded px-2 py-1.5 bg-white"
                  onChange={(e) => navigate(`/category/${params.slug}?sort=${e.currentTarget.value}`)}
                >
                  <For each={PRODUCT_SORTS}>
                    {(value) => (
                      <option value={value} selected={value === sort()}>
                        {SORT_LABELS[value]}
                      </option>
                    )}
                  </For>
                </select>
                <noscript>
                  <button type="submit" class="px-3 py-1.5 rounded bg-gray-900 text-white">
                    Apply
                  </button>
                </noscript>
              </form>
            </div>
            <Show
              when={found().products.items.length > 0}
              fallback={
                <p class="py-10 text-center text-gray-600">
                  No products on this page. <a href={href(1)} class="underline">Go to the first page</a>.
                </p>
              }
            >
              {/* Cards title their products with h3: the list gets its h2 for a sound heading outline. */}
              <h2 class="sr-only">{`${found().category.name} products`}</h2>
              <ProductGrid products={found().products.items} label={`${found().category.name} products`} />
            </Show>
            <Pagination page={page()} pageSize={PAGE_SIZE} total={found().products.total} href={href} />
          </>
        )}
      </Show>
    </Show>
  );
}
