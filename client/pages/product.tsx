import { Meta, Title } from '@solidjs/meta';
import { useAbsoluteUrl } from '../site.ts';
import { useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { orNotFound, useApi } from '../api.ts';
import { AddToCart } from '../components/add-to-cart.tsx';
import { formatMoney } from '../format.ts';
import { NotFoundPage } from './not-found.tsx';

const STOCK_TEXT = { in_stock: 'In stock', low_stock: 'Low stock', out_of_stock: 'Sold out' } as const;
const STOCK_CLASS = { in_stock: 'text-green-800', low_stock: 'text-amber-800', out_of_stock: 'text-gray-600' } as const;

export function ProductPage() {
  const api = useApi();
  const absoluteUrl = useAbsoluteUrl();
  const params = useParams<{ slug: string }>();
  const [product] = createResource(
    () => params.slug,
    (slug) => orNotFound(api.product.get({ slug })),
  );

  return (
    <Show when={product() !== undefined}>
      <Show when={product()} fallback={<NotFoundPage message="This product is not available." />}>
        {(p) => (
          <article class="grid gap-6 md:grid-cols-2">
            <Title>{`${p().name} — GoMall`}</Title>
            <Meta name="description" content={p().description} />
            <Meta property="og:type" content="product" />
            <Meta property="og:title" content={p().name} />
            <Meta property="og:description" content={p().description} />
            <Meta property="og:image" content={absoluteUrl(p().imageUrl)} />
            <Meta property="og:url" content={absoluteUrl(`/product/${p().slug}`)} />
            <Meta property="product:price:amount" content={(p().priceCents / 100).toFixed(2)} />
            <Meta property="product:price:currency" content={p().currency} />
            <img
              src={p().imageUrl}
              alt={p().name}
              width="400"
              height="400"
              class="w-full max-w-md mx-auto aspect-square rounded-lg bg-gray-100 border border-gray-200"
            />
            <div class="flex flex-col gap-4">
              <nav aria-label="Categories" class="text-sm text-gray-600 flex gap-2 flex-wrap">
                <For each={p().categories}>
                  {(c) => (
                    <a href={`/category/${c.slug}`} class="underline">
                      {c.name}
                    </a>
                  )}
                </For>
              </nav>
              <h1 class="text-2xl sm:text-3xl font-bold m-0">{p().name}</h1>
              <p class="text-2xl font-semibold m-0">{formatMoney(p().priceCents, p().currency)}</p>
              <p class={`font-medium m-0 ${STOCK_CLASS[p().stockStatus]}`}>
                {STOCK_TEXT[p().stockStatus]}
                {p().stockStatus === 'low_stock' ? `: only ${p().stock} left` : ''}
              </p>
              <p class="text-gray-700 leading-relaxed m-0">{p().description}</p>
              <Show when={p().stock > 0} fallback={<p class="text-gray-700 m-0">Sold out for now: check back soon.</p>}>
                <AddToCart productId={p().id} productName={p().name} stock={p().stock} withQuantity />
              </Show>
            </div>
          </article>
        )}
      </Show>
    </Show>
  );
}
