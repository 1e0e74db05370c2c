import { Meta, Title } from '@solidjs/meta';
import { createResource, For, Show } from 'solid-js';
import { useApi } from '../api.ts';
import { ProductGrid } from '../components/product-card.tsx';
import { countOf } from '../format.ts';

export function HomePage() {
  const api = useApi();
  const [categories] = createResource(() => api.product.categories());
  const [featured] = createResource(() => api.product.list({ sort: 'featured', pageSize: 12 }));
  return (
    <>
      <Title>GoMall — shop everyday essentials</Title>
      <Meta name="description" content="Browse apparel, coffee, electronics, books and more at GoMall." />
      <section aria-labelledby="categories-heading" class="mb-10">
        <h1 class="text-2xl sm:text-3xl font-bold mb-2">Welcome to GoMall</h1>
        <p class="text-gray-600 mb-6">Everyday essentials, fairly priced, shipped fast.</p>
        <h2 id="categories-heading" class="text-lg font-semibold mb-3">
          Shop by category
        </h2>
        <ul class="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-5 gap-3 list-none p-0 m-0">
          <For each={categories()}>
            {(category) => (
              <li>
                <a
                  href={`/category/${category.slug}`}
                  class="block h-full p-3 rounded-lg bg-white border border-gray-200 hover:border-gray-400"
                >
                  <span class="block font-medium">{category.name}</span>
                  <span class="block text-xs text-gray-600">{countOf(category.productCount, 'product')}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" class="text-lg font-semibold mb-3">
          Featured products
        </h2>
        <Show when={featured()}>{(page) => <ProductGrid products={page().items} label="Featured products" />}</Show>
      </section>
    </>
  );
}
