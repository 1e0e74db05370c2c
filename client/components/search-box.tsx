// The header's search: a plain GET form to /search (works without JavaScript),
// plus product suggestions (thumbnail, name, price, then "See all results") as the
// shopper types once the page is hydrated.
import { useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { useApi } from '../api.ts';
import { formatMoney } from '../format.ts';
import { useQueryParams } from '../query-params.ts';

const DEBOUNCE_MS = 150;
const OPTION = 'px-3 py-2 rounded text-sm text-gray-900 hover:bg-gray-100 focus:bg-gray-100';
const MIN_CHARS = 2;

export function SearchBox() {
  const api = useApi();
  const location = useLocation();
  const params = useQueryParams<{ q?: string }>();
  const current = () => (location.pathname === '/search' ? (params.q ?? '') : '');
  const [text, setText] = createSignal(current());
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  // The source stays '' on the server, so suggestions are only ever fetched in the browser.
  const [suggestions] = createResource(query, (q) => api.product.suggest({ q }));
  let list: HTMLUListElement | undefined;
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // A new page (a suggestion opened, a search made) closes the list and shows its query.
  createEffect(on(() => location.pathname + location.search, () => {
    setOpen(false);
    setText(current());
  }, { defer: true }));

  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => {
      setQuery(value.trim().length >= MIN_CHARS ? value.trim() : '');
      setOpen(true);
    }, DEBOUNCE_MS);
  };
  const links = () => Array.from(list?.querySelectorAll('a') ?? []);
  const moveFocus = (event: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      setOpen(false);
      input?.focus();
    } else if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1])?.focus();
    }
  };
  const visible = () => open() && query() !== '' && (suggestions()?.length ?? 0) > 0;

  return (
    <form
      method="get"
      action="/search"
      role="search"
      class="relative order-last w-full md:order-none md:w-auto md:flex-1 md:max-w-xl flex gap-2"
      onKeyDown={moveFocus}
      onFocusOut={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label for="site-search" class="sr-only">
        Search products
      </label>
      <input
        ref={input}
        id="site-search"
        name="q"
        type="search"
        value={text()}
        placeholder="Search products"
        autocomplete="off"
        aria-describedby="search-suggestions-status"
        class="flex-1 min-w-0 h-10 border border-gray-300 rounded-lg pl-9 pr-3 bg-gray-50 placeholder-gray-500 hover:border-gray-400 focus:bg-white"
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <span aria-hidden="true" class="i-ph-magnifying-glass absolute left-3 top-2.5 text-lg text-gray-500 pointer-events-none" />
      <button type="submit" class="btn-primary h-10">
        Search
      </button>
      <p id="search-suggestions-status" class="sr-only" aria-live="polite">
        {visible() ? `${suggestions()!.length} suggestions, press the down arrow to reach them` : ''}
      </p>
      <Show when={visible()}>
        <ul
          ref={list}
          id="search-suggestions"
          aria-label="Suggestions"
          class="absolute left-0 right-0 top-full mt-1 z-20 list-none m-0 p-1 bg-white border border-gray-200 rounded-lg shadow-lg"
        >
          <For each={suggestions()}>
            {(s) => (
              <li>
                <a href={`/product/${s.slug}`} class={`${OPTION} flex items-center gap-3`}>
                  <img src={s.imageUrl} alt="" width="40" height="40" loading="lazy" class="w-10 h-10 rounded bg-gray-100 shrink-0 object-cover" />
                  <span class="flex-1 min-w-0 truncate">{s.name}</span>
                  <span class="shrink-0 font-semibold">{formatMoney(s.priceCents, s.currency)}</span>
                </a>
              </li>
            )}
          </For>
          <li class="border-t border-gray-100 mt-1 pt-1">
            <a href={`/search?${new URLSearchParams({ q: query() })}`} class={`${OPTION} block font-medium`}>
              See all results for “{query()}”
            </a>
          </li>
        </ul>
      </Show>
    </form>
  );
}
