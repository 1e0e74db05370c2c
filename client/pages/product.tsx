import { Meta } from '@solidjs/meta';
import { useAbsoluteUrl } from '../site.ts';
import { useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import type { ProductSummary } from '../../routers/product/queries.ts';
import { orNotFound, useApi } from '../api.ts';
import { AddToCart } from '../components/add-to-cart.tsx';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs.tsx';
import { Gallery } from '../components/gallery.tsx';
import { JsonLd } from '../components/json-ld.tsx';
import { PageMeta } from '../components/page-meta.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { formatMoney } from '../format.ts';
import { NotFoundPage } from './not-found.tsx';
import { breadcrumbJsonLd, decimalAmount, productJsonLd } from './product-json-ld.ts';

const STOCK_TEXT = { in_stock: 'In stock', low_stock: 'Low stock', out_of_stock: 'Sold out' } as const;
const STOCK_CLASS = { in_stock: 'text-green-800', low_stock: 'text-amber-800', out_of_stock: 'text-gray-600' } as const;
/** Read once for both: the sold-out box's in-stock alternatives, and the grid of the rest. */
const RELATED_LIMIT = 7;
const ALTERNATIVES_SHOWN = 3;
const RELATED_SHOWN = 4;

export function ProductPage() {
  const api = useApi();
  const absoluteUrl = useAbsoluteUrl();
  const params = useParams<{ slug: string }>();
  const [product] = createResource(
    () => params.slug,
    (slug) => orNotFound(api.product.get({ slug })),
  );
  const [related] = createResource(
    () => params.slug,
    async (slug) => (await orNotFound(api.product.related({ slug, limit: RELATED_LIMIT }))) ?? [],
  );

  return (
    <Show when={product() !== undefined}>
      <Show when={product()} fallback={<NotFoundPage message="This product is not available." />}>
        {(p) => {
          const category = () => p().categories[0];
          const crumbs = (): Crumb[] => [
            { name: 'Home', path: '/' },
            ...(category() ? [{ name: category()!.name, path: `/category/${category()!.slug}` }] : []),
            { name: p().name, path: `/product/${p().slug}` },
          ];
          const alternatives = () => (p().stock > 0 ? [] : (related() ?? []).filter((r) => r.stock > 0).slice(0, ALTERNATIVES_SHOWN));
          const more = () => (related() ?? []).filter((r) => !alternatives().includes(r)).slice(0, RELATED_SHOWN);
          return (
            <>
              <Breadcrumbs crumbs={crumbs()} />
              <JsonLd data={productJsonLd(p(), absoluteUrl)} />
              <JsonLd data={breadcrumbJsonLd(crumbs(), absoluteUrl)} />
              <article class="grid gap-6 md:gap-10 md:grid-cols-2">
                <PageMeta title={`${p().name} — GoMall`} shareTitle={p().name} description={p().description} path={`/product/${p().slug}`} image={p().imageUrl} type="product" />
                <Meta property="product:price:amount" content={decimalAmount(p().priceCents)} />
                <Meta property="product:price:currency" content={p().currency} />
                <Gallery images={p().images} label={`Pictures of ${p().name}`} />
                <div class="flex flex-col gap-4">
                  <h1 class="text-2xl sm:text-3xl font-bold m-0">{p().name}</h1>
                  <p class="text-2xl font-semibold m-0">{formatMoney(p().priceCents, p().currency)}</p>
                  <p class={`font-medium m-0 ${STOCK_CLASS[p().stockStatus]}`}>
                    {STOCK_TEXT[p().stockStatus]}
                    {p().stockStatus === 'low_stock' ? `: only ${p().stock} left` : ''}
                  </p>
                  <p class="text-gray-700 leading-relaxed m-0">{p().description}</p>
                  <Show when={p().stock > 0} fallback={<SoldOut alternatives={alternatives()} category={category()} />}>
                    <AddToCart
                      productId={p().id}
                      productName={p().name}
                      stock={p().stock}
                      withQuantity
                      // The page's one call to action: as large as the buy buttons shoppers know.
                      class="gap-3 [&_input]:h-12 [&_input]:w-20 [&_input]:text-base [&_input]:rounded-lg [&_button[type=submit]]:h-12 [&_button[type=submit]]:px-8 [&_button[type=submit]]:text-base [&_button[type=submit]]:font-semibold [&_button[type=submit]]:rounded-lg [&_button[type=submit]]:flex-1 sm:[&_button[type=submit]]:flex-none"
                    />
                  </Show>
                  <Show when={p().categories.length > 1}>
                    <p class="text-sm text-gray-600 m-0">
                      Also in{' '}
                      <For each={p().categories.slice(1)}>
                        {(c, i) => (
                          <>
                            {i() > 0 ? ', ' : ''}
                            <a href={`/category/${c.slug}`} class="underline">
                              {c.name}
                            </a>
                          </>
                        )}
                      </For>
                    </p>
                  </Show>
                </div>
              </article>
              <Show when={more().length > 0}>
                <section aria-labelledby="related-heading" class="mt-12">
                  <h2 id="related-heading" class="text-xl font-bold mb-4">
                    {category() ? `More from ${category()!.name}` : 'You may also like'}
                  </h2>
                  <ProductGrid products={more()} label="Related products" eager={0} />
                </section>
              </Show>
            </>
          );
        }}
      </Show>
    </Show>
  );
}

/** Where "Add to cart" would be: the product's in-stock neighbours, so a shopper is not left at a dead end. */
function SoldOut(props: { alternatives: ProductSummary[]; category: { slug: string; name: string } | undefined }) {
  return (
    <section aria-labelledby="alternatives-heading" class="rounded-lg border border-amber-300 bg-amber-50 p-4 flex flex-col gap-3">
      <p class="font-semibold text-gray-900 m-0">Sold out for now: check back soon.</p>
      <Show when={props.alternatives.length > 0}>
        <h2 id="alternatives-heading" class="text-base font-semibold m-0">
          In stock now{props.category ? ` in ${props.category.name}` : ''}
        </h2>
        <ul aria-label="In-stock alternatives" class="list-none p-0 m-0 flex flex-col gap-2">
          <For each={props.alternatives}>
            {(alt) => (
              <li>
                <a href={`/product/${alt.slug}`} class="flex items-center gap-3 rounded-md bg-white border border-gray-200 p-2 hover:border-gray-400">
                  <img src={alt.imageUrl} alt="" width="56" height="56" loading="lazy" class="w-14 h-14 rounded bg-gray-100 shrink-0" />
                  <span class="flex-1 text-sm font-medium text-gray-900">{alt.name}</span>
                  <span class="text-sm font-semibold text-gray-900">{formatMoney(alt.priceCents, alt.currency)}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.category}>
          {(c) => (
            <a href={`/category/${c().slug}`} class="text-sm underline">
              See everything in {c().name}
            </a>
          )}
        </Show>
      </Show>
    </section>
  );
}
