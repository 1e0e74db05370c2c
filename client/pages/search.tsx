import { createMemo, createResource, For, Show } from 'solid-js';
import { errorCode, useApi, type ApiOutput, type Api } from '../api.ts';
import { Highlighted } from '../components/highlighted.tsx';
import { PageMeta } from '../components/page-meta.tsx';
import { Pagination } from '../components/pagination.tsx';
import { AddToCart } from '../components/add-to-cart.tsx';
import { StockBadge } from '../components/product-card.tsx';
import { SearchFacets } from '../components/search-facets.tsx';
import { countOf, formatMoney } from '../format.ts';
import {
  hasFilters,
  hasPriceFilter,
  readSearchParams,
  SEARCH_PAGE_SIZE,
  searchHref,
  searchInput,
  withoutFiltersHref,
  withPriceFilter,
  type SearchParams,
  type SearchState,
} from './search-query.ts';
import { useQueryParams } from '../query-params.ts';

type SearchResult = ApiOutput<Api['product']['search']>;
type Outcome = { kind: 'results'; result: SearchResult } | { kind: 'blank' } | { kind: 'unknown-category' };

export function SearchPage() {
  const api = useApi();
  const params = useQueryParams<SearchParams>();
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
      <PageMeta title={state().q.trim() ? `Search: ${state().q.trim()} — GoMall` : 'Search — GoMall'} noindex />
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
  // What was searched: a reversed price range comes back the right way round.
  const state = () => withPriceFilter(props.state, props.result.priceFilter);
  const empty = () => props.result.items.length === 0;
  // With no results the empty state comes before the filters; with results the folded
  // "Filters" toggle comes first (closed on a phone). From md up the filters sit in the left column.
  const Matches = () => (
    <div class="min-w-0 md:col-start-2 md:row-start-1">
      <Show
        when={!empty()}
        fallback={<EmptyState state={state()} result={props.result} currency={currency()} />}
      >
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
                  <Show when={item.stock > 0}>
                    <AddToCart productId={item.id} productName={item.name} stock={item.stock} class="mt-1" />
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Pagination page={state().page} pageSize={SEARCH_PAGE_SIZE} total={props.result.total} href={(page) => searchHref(state(), { page })} />
    </div>
  );
  return (
    <>
      <h1 class="text-2xl font-bold mb-1">Results for “{props.result.correctedQuery ?? state().q}”</h1>
      <Show when={props.result.correctedQuery}>
        {(corrected) => (
          <p class="search-correction text-sm text-gray-700 m-0 mb-1">
            Showing results for <strong>{corrected()}</strong> —{' '}
            <a href={searchHref(state(), { exact: true })} class="underline">
              search instead for {props.result.originalQuery}
            </a>
          </p>
        )}
      </Show>
      <p class="text-sm text-gray-600 mb-6" aria-live="polite">
        {countOf(props.result.total, 'product')} found
      </p>
      <div class="grid gap-6 md:grid-cols-[14rem_1fr]">
        <Show when={empty()}>
          <Matches />
        </Show>
        <SearchFacets state={state()} facets={props.result.facets} currency={currency()} class="md:col-start-1 md:row-start-1" />
        <Show when={!empty()}>
          <Matches />
        </Show>
      </div>
    </>
  );
}

/** "between $10.00 and $100.00", "at $5.00 or less": a price filter as the shopper reads it. */
function priceRangeText(filter: SearchResult['priceFilter'], currency: string): string {
  const { minPriceCents: min, maxPriceCents: max } = filter;
  if (min !== null && max !== null) return `between ${formatMoney(min, currency)} and ${formatMoney(max, currency)}`;
  if (min !== null) return `at ${formatMoney(min, currency)} or more`;
  return `at ${formatMoney(max ?? 0, currency)} or less`;
}

function EmptyState(props: { state: SearchState; result: SearchResult; currency: string }) {
  // The price facet ignores the price filter: when it still finds prices, the price range alone left nothing.
  const prices = () => props.result.facets.price;
  const priceIsWhy = () => hasPriceFilter(props.state) && prices().min !== null;
  const withoutFilters = () => withoutFiltersHref(props.state);
  return (
    <Show
      when={props.result.total === 0}
      fallback={
        <p class="py-10 text-center text-gray-600">
          No results on this page. <a href={searchHref(props.state, { page: 1 })} class="underline">Go to the first page</a>.
        </p>
      }
    >
      <section class="py-10 text-center flex flex-col gap-3 items-center">
        <Show
          when={priceIsWhy()}
          fallback={
            <>
              <h2 class="text-lg font-semibold m-0">No products match “{props.state.q}”</h2>
              <ul class="text-gray-600 text-sm text-left list-disc m-0">
                <li>Check the spelling, or try fewer or more general words.</li>
                <li>Every word must match: “wool socks” finds socks made of wool.</li>
              </ul>
              <Show when={hasFilters(props.state)}>
                <a href={withoutFilters()} class="underline">
                  Search again without filters
                </a>
              </Show>
            </>
          }
        >
          <h2 class="text-lg font-semibold m-0">
            No products match “{props.state.q}” {priceRangeText(props.result.priceFilter, props.currency)}
          </h2>
          <p class="text-gray-600 text-sm m-0">
            Matching products cost {formatMoney(prices().min!, props.currency)} to {formatMoney(prices().max!, props.currency)}.
          </p>
          <a href={searchHref(props.state, { min: undefined, max: undefined })} class="underline">
            Search “{props.state.q}” at any price
          </a>
          <Show when={hasFilters({ ...props.state, min: undefined, max: undefined })}>
            <a href={withoutFilters()} class="underline">
              Search again without filters
            </a>
          </Show>
        </Show>
        <a href="/" class="underline">
          Browse all categories
        </a>
      </section>
    </Show>
  );
}
