import { For, Show } from 'solid-js';

/** Plain links (they work without JavaScript); the router takes them over once hydrated. */
export function Pagination(props: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = () => Math.max(1, Math.ceil(props.total / props.pageSize));
  const link = 'px-3 py-1.5 rounded border border-gray-300 text-sm hover:bg-gray-100';
  return (
    <Show when={pages() > 1}>
      <nav aria-label="Pagination" class="flex flex-wrap items-center justify-center gap-2 mt-8">
        <Show when={props.page > 1}>
          <a class={link} href={props.href(props.page - 1)} rel="prev">
            Previous
          </a>
        </Show>
        <For each={Array.from({ length: pages() }, (_, i) => i + 1)}>
          {(n) => (
            <a
              class={`${link} ${n === props.page ? 'bg-gray-900 text-white border-gray-900 hover:bg-gray-800' : ''}`}
              href={props.href(n)}
              aria-current={n === props.page ? 'page' : undefined}
            >
              {n}
            </a>
          )}
        </For>
        <Show when={props.page < pages()}>
          <a class={link} href={props.href(props.page + 1)} rel="next">
            Next
          </a>
        </Show>
      </nav>
    </Show>
  );
}
