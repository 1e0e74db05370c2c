// The search page's filters: category links with counts, and a GET form for the
// price range, in-stock only and sort (works without JavaScript). On phones they
// fold into a "Filters" disclosure so the results come first.
import { For, Show } from 'solid-js';
import type { SearchFacets as Facets } from '../../routers/product/search.ts';
import { SEARCH_SORTS, type SearchSort } from '../../routers/shared/sorting.ts';
import { formatMoney } from '../format.ts';
import { filterCount, hasFilters, searchHref, withoutFiltersHref, type SearchState } from '../pages/search-query.ts';

const SEARCH_SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Best match',
  featured: 'Featured',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  name: 'Name',
};

const facetLink = 'flex justify-between gap-2 px-2 py-1 rounded text-sm hover:bg-gray-100';
const priceInput = 'w-24 border border-gray-300 rounded px-2 py-1 text-sm';
/** From md up the panel is always shown and the summary hidden, by CSS alone (::details-content); browsers without it keep the summary. */
const WIDE_OPEN = 'md:[&::details-content]:block md:[&::details-content]:[content-visibility:visible]';
const WIDE_HIDDEN = 'supports-[selector(::details-content)]:md:hidden';

/** "$" for USD: the symbol prices are written with, for the price field labels. */
function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

export function SearchFacets(props: { state: SearchState; facets: Facets; currency: string; class?: string }) {
  const applied = () => filterCount(props.state);
  return (
    <aside aria-label="Filters" class={props.class}>
      <details class={WIDE_OPEN}>
        <summary class={`cursor-pointer select-none px-3 py-3 rounded border border-gray-300 bg-white text-sm font-medium ${WIDE_HIDDEN}`}>
          Filters
          <Show when={applied() > 0}>
            <span class="font-normal text-gray-600"> ({applied()} applied)</span>
          </Show>
        </summary>
        <div class="flex flex-col gap-6 pt-4 supports-[selector(::details-content)]:md:pt-0">
          <nav aria-labelledby="facet-categories">
            <h2 id="facet-categories" class="text-sm font-semibold mb-2">
              Category
            </h2>
            <ul class="list-none m-0 p-0 flex flex-col gap-0.5">
              <li>
                <a
                  href={searchHref(props.state, { category: undefined })}
                  class={`${facetLink} ${props.state.category ? '' : 'font-semibold bg-gray-100'}`}
                  aria-current={props.state.category ? undefined : 'page'}
                >
                  All categories
                </a>
              </li>
              <For each={props.facets.categories}>
                {(c) => (
                  <li>
                    <a
                      href={searchHref(props.state, { category: c.slug })}
                      class={`${facetLink} ${props.state.category === c.slug ? 'font-semibold bg-gray-100' : ''}`}
                      aria-current={props.state.category === c.slug ? 'page' : undefined}
                    >
                      <span>{c.name}</span>
                      <span class="text-gray-500" aria-label={`${c.count} results`}>
                        {c.count}
                      </span>
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </nav>

          <form method="get" action="/search" class="flex flex-col gap-3">
            <input type="hidden" name="q" value={props.state.q} />
            <Show when={props.state.category}>{(category) => <input type="hidden" name="category" value={category()} />}</Show>
            <Show when={props.state.exact}>
              <input type="hidden" name="exact" value="1" />
            </Show>
            <fieldset class="border-0 p-0 m-0">
              <legend class="text-sm font-semibold mb-2">Price</legend>
              <Show when={props.facets.price.min !== null}>
                <p class="text-xs text-gray-600 mb-2">
                  Matches cost {formatMoney(props.facets.price.min!, props.currency)} to {formatMoney(props.facets.price.max!, props.currency)}
                </p>
              </Show>
              <div class="flex items-center gap-2">
                <label class="flex flex-col text-xs text-gray-700">
                  Min ({currencySymbol(props.currency)})
                  <input name="min" type="number" min="0" step="any" inputmode="decimal" value={props.state.min ?? ''} class={priceInput} />
                </label>
                <label class="flex flex-col text-xs text-gray-700">
                  Max ({currencySymbol(props.currency)})
                  <input name="max" type="number" min="0" step="any" inputmode="decimal" value={props.state.max ?? ''} class={priceInput} />
                </label>
              </div>
            </fieldset>
            <label class="flex items-center gap-2 text-sm">
              <input type="checkbox" name="inStock" value="1" checked={props.state.inStock} />
              In stock only
            </label>
            <label class="flex flex-col gap-1 text-sm">
              Sort by
              <select name="sort" class="border border-gray-300 rounded px-2 py-1.5 bg-white">
                <For each={SEARCH_SORTS}>
                  {(value) => (
                    <option value={value} selected={value === props.state.sort}>
                      {SEARCH_SORT_LABELS[value]}
                    </option>
                  )}
                </For>
              </select>
            </label>
            <button type="submit" class="px-3 py-1.5 rounded bg-gray-900 text-white text-sm">
              Apply filters
            </button>
            <Show when={hasFilters(props.state)}>
              <a href={withoutFiltersHref(props.state)} class="text-sm underline">
                Clear filters
              </a>
            </Show>
          </form>
        </div>
      </details>
    </aside>
  );
}
