import { Meta, Title } from '@solidjs/meta';
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { errorCode, useApi, type ApiOutput, type Api } from '../api.ts';
import { Highlighted } from '../components/highlighted.tsx';
import { Pagination } from '../components/pagination.tsx';
import { StockBadge } from '../components/product-card.tsx';
import { SearchFacets } from '../components/search-facets.tsx';
import { formatMoney } from '../format.ts';
import { hasFilters, readSearchParams, SEARCH_PAGE_SIZE, searchHref, searchInput, type SearchParams, type SearchState } from './search-query.ts';

type SearchResult = ApiOutput<Api['product']['search']>;
type Outcome = { kind: 'results'; result: SearchResult } | { kind: 'blank' } | { kind: 'unknown-category' };

export function SearchPage() {
  const api = useApi();
  const [params] = useSearchParams<SearchParams>();
  const state = createMemo(() => readSearchParams(params));
  const [outcome] = createResource(state, async (s): Promise<Outcome> => {
    if (!s.q.trim()) return { kind: 'blank' };
    try {
      return { kind: 'results', result: await api.product.search(searchInput(s)) };
    } catch (error) {
      if (errorCode(error) === 'NOT_FOUND') return { kind: 'unknown-category' };
      if (errorCode(error) === 'BAD_REQUEST') return { kind: 'blank' };
      throw error;
    }
  });

  const results = () => {
    const o = outcome();
    return o?.kind === 'results' ? o.result : undefined;
  };

  return (
    <>
      <Title>{state().q.trim() ? `Search: ${state().q.trim()} — GoMall` : 'Search — GoMall'}</Title>
      <Meta name="robots" content="noindex" />
      <Show when={outcome()?.kind === 'blank'}>
        <section class="py-10 text-center">
          <h1 class="text-2xl font-bold mb-2">Search the shop</h1>
          <p class="text-gray-600">Enter something to search for in the box at the top of the page.</p>
        </section>
      </Show>
      <Show when={outcome()?.kind === 'unknown-category'}>
        <section class="py-10 text-center">
          <h1 class="text-2xl font-bold mb-2">That category does not exist</h1>
          <a href={searchHref(state(), { category: undefined })} class="underline">
            Search all categories for “{state().q}”
          </a>
        </section>
      </Show>
      <Show when={results()}>{(result) => <Results state={state()} result={result()} />}</Show>
    </>
  );
}

function Results(props: { state: SearchState; result: SearchResult }) {
  const currency = () => props.result.items[0]?.currency ?? 'USD';
  return (
    <>
      <h1 class="text-2xl font-bold mb-1">Results for “{props.state.q}”</h1>
      <p class="text-sm text-gray-600 mb-6" aria-live="polite">
        {props.result.total === 1 ? '1 product found' : `${props.result.total} products found`}
      </p>
      <div class="grid gap-6 md:grid-cols-[14rem_1fr]">
        <SearchFacets state={props.state} facets={props.result.facets} currency={currency()} />
        <div>
          <Show when={props.result.items.length > 0} fallback={<EmptyState state={props.state} total={props.result.total} />}>
            <ol aria-label="Search results" class="list-none m-0 p-0 flex flex-col gap-3">
              <For each={props.result.items}>
                {(item) => (
                  <li class="search-result flex gap-3 p-3 bg-white border border-gray-200 rounded-lg">
                    <img src={item.imageUrl} alt="" width="96" height="96" loading="lazy" class="w-20 h-20 sm:w-24 sm:h-24 rounded bg-gray-100 shrink-0" />
                    <div class="flex flex-col gap-1 min-w-0">
                      <h2 class="text-base font-medium m-0">
                        <a href={`/product/${item.slug}`} class="text-gray-900 hover:underline">
                          <Highlighted segments={item.nameHighlight} />
                        </a>
                      </h2>
                      <p class="text-sm text-gray-600 m-0">
                        <Highlighted segments={item.snippet} />
                      </p>
                      <div class="flex items-center gap-2 flex-wrap">
                        <span class="font-semibold">{formatMoney(item.priceCents, item.currency)}</span>
                        <StockBadge product={item} />
                      </div>
                    </div>
                  </li>
                )}
              </For>
            </ol>
          </Show>
          <Pagination
            page={props.state.page}
            pageSize={SEARCH_PAGE_SIZE}
            total={props.result.total}
            href={(page) => searchHref(props.state, { page })}
          />
        </div>
      </div>
    </>
  );
}

function EmptyState(props: { state: SearchState; total: number }) {
  return (
    <Show
      when={props.total === 0}
      fallback={
        <p class="py-10 text-center text-gray-600">
          No results on this page. <a href={searchHref(props.state, { page: 1 })} class="underline">Go to the first page</a>.
        </p>
      }
    >
      <section class="py-10 text-center flex flex-col gap-3 items-center">
        <h2 class="text-lg font-semibold m-0">No products match “{props.state.q}”</h2>
        <ul class="text-gray-600 text-sm text-left list-disc m-0">
          <li>Check the spelling, or try fewer or more general words.</li>
          <li>Words match from their start: “sweat” finds “sweatshirt”.</li>
        </ul>
        <Show when={hasFilters(props.state)}>
          <a href={searchHref({ ...props.state, category: undefined, min: undefined, max: undefined, inStock: false })} class="underline">
            Search again without filters
          </a>
        </Show>
        <a href="/" class="underline">
          Browse all categories
        </a>
      </section>
    </Show>
  );
}
