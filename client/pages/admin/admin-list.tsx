// The console's list pages: a filter form (a plain GET form) and a table with one row per item.
import { For, type JSX } from 'solid-js';

export function FilterForm(props: { action: string; label?: string; children: JSX.Element }) {
  return (
    <form method="get" action={props.action} role="search" aria-label={props.label} class="flex flex-wrap items-end gap-3 mb-4">
      {props.children}
      <button type="submit" class="px-3 py-1.5 rounded border border-gray-300 bg-white text-sm">
        Filter
      </button>
    </form>
  );
}

/** The filter form's text search, sent as `q`. */
export function SearchField(props: { label: string; value: string }) {
  return (
    <label class="flex flex-col gap-1 text-sm">
      {props.label}
      <input name="q" type="search" value={props.value} class="border border-gray-300 rounded px-2 py-1.5 bg-white" />
    </label>
  );
}

/** Which way a sorted column runs, in ARIA's words. */
export type SortState = 'ascending' | 'descending';

/**
 * A column heading; `numeric` aligns the column right, `hidden` leaves the heading to screen readers,
 * `sort` makes it a link that orders the list by the column (`state` on the column it is ordered by).
 */
type Column = string | { label: string; numeric?: boolean; hidden?: boolean; sort?: { href: string; state?: SortState } };

const ARROWS: Record<SortState | 'none', string> = { ascending: '▲', descending: '▼', none: '↕' };

function Heading(props: { label: string; sort?: { href: string; state?: SortState } }) {
  return props.sort ? (
    <a href={props.sort.href} class="inline-flex items-center gap-1 text-gray-900 no-underline hover:underline">
      {props.label}
      <span aria-hidden="true" class={props.sort.state ? 'text-xs' : 'text-xs text-gray-400'}>
        {ARROWS[props.sort.state ?? 'none']}
      </span>
    </a>
  ) : (
    props.label
  );
}

export function AdminTable<T>(props: { columns: Column[]; rows: T[]; empty: string; class?: string; children: (row: T) => JSX.Element }) {
  const heading = (column: Column): Exclude<Column, string> => (typeof column === 'string' ? { label: column } : column);
  return (
    <div class={props.class ? `overflow-x-auto ${props.class}` : 'overflow-x-auto'}>
      <table class="w-full text-sm bg-white border border-gray-200 rounded">
        <thead class="bg-gray-100 text-left">
          <tr>
            <For each={props.columns.map(heading)}>
              {(column) => (
                <th scope="col" aria-sort={column.sort?.state} class={column.numeric ? 'p-2 text-right whitespace-nowrap' : 'p-2 whitespace-nowrap'}>
                  {column.hidden ? <span class="sr-only">{column.label}</span> : <Heading label={column.label} sort={column.sort} />}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colspan={props.columns.length} class="p-4 text-center text-gray-600">{props.empty}</td></tr>}>
            {props.children}
          </For>
        </tbody>
      </table>
    </div>
  );
}
