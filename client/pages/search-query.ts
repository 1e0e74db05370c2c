// The /search page's URL: query parameters (prices in whole currency units, as
// typed) to search input and back. Anything malformed is dropped, never an error.
import { SEARCH_SORTS, type SearchSort } from '../../routers/shared/sorting.ts';
import { MAX_PAGE } from '../../routers/shared/paging.ts';

export const SEARCH_PAGE_SIZE = 20;
const MAX_PRICE = 1_000_000;

export type SearchParams = {
  q?: string;
  category?: string;
  min?: string;
  max?: string;
  inStock?: string;
  sort?: string;
  page?: string;
  /** "1": search the words as typed, no spelling correction. */
  exact?: string;
};

export interface SearchState {
  q: string;
  category?: string;
  /** Whole currency units, as in the URL. */
  min?: number;
  max?: number;
  inStock: boolean;
  sort: SearchSort;
  page: number;
  /** Search the words as typed (the shopper chose "search instead for" over a correction). */
  exact: boolean;
}

function price(raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= MAX_PRICE ? value : undefined;
}

export function readSearchParams(params: SearchParams): SearchState {
  const page = Math.floor(Number(params.page));
  return {
    q: params.q ?? '',
    category: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(params.category ?? '') ? params.category : undefined,
    min: price(params.min),
    max: price(params.max),
    inStock: params.inStock === '1' || params.inStock === 'on',
    sort: (SEARCH_SORTS as readonly string[]).includes(params.sort ?? '') ? (params.sort as SearchSort) : 'relevance',
    page: page >= 1 && page <= MAX_PAGE ? page : 1,
    exact: params.exact === '1',
  };
}

/** The product.search input for a page state. */
export function searchInput(state: SearchState) {
  return {
    q: state.q,
    category: state.category,
    minPriceCents: state.min === undefined ? undefined : Math.round(state.min * 100),
    maxPriceCents: state.max === undefined ? undefined : Math.round(state.max * 100),
    inStock: state.inStock || undefined,
    exact: state.exact || undefined,
    sort: state.sort,
    page: state.page,
    pageSize: SEARCH_PAGE_SIZE,
  };
}

/** A /search link for the state with some parts changed; any change but the page goes back to page 1. */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next = { ...state, page: 1, ...change };
  const params = new URLSearchParams({ q: next.q });
  if (next.category) params.set('category', next.category);
  if (next.min !== undefined) params.set('min', String(next.min));
  if (next.max !== undefined) params.set('max', String(next.max));
  if (next.inStock) params.set('inStock', '1');
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.exact) params.set('exact', '1');
  return `/search?${params}`;
}

/** The same search with no filter at all. */
export function withoutFiltersHref(state: SearchState): string {
  return searchHref({ ...state, category: undefined, min: undefined, max: undefined, inStock: false });
}

export function hasPriceFilter(state: SearchState): boolean {
  return state.min !== undefined || state.max !== undefined;
}

export function hasFilters(state: SearchState): boolean {
  return filterCount(state) > 0;
}

/** How many filters apply; a price range counts once. */
export function filterCount(state: SearchState): number {
  return [state.category !== undefined, hasPriceFilter(state), state.inStock].filter(Boolean).length;
}

/** The state with the price range the search used (a reversed range the right way round). */
export function withPriceFilter(state: SearchState, searched: { minPriceCents: number | null; maxPriceCents: number | null }): SearchState {
  if (!hasPriceFilter(state)) return state;
  const units = (cents: number | null) => (cents === null ? undefined : cents / 100);
  return { ...state, min: units(searched.minPriceCents), max: units(searched.maxPriceCents) };
}
