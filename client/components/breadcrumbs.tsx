// Where a page sits in the shop ("Home › Coffee & Tea › Café Crème"), the last crumb being the page itself.
import { For, Show } from 'solid-js';

export interface Crumb {
  name: string;
  /** Site path; the last crumb, the current page, is not a link. */
  path: string;
}

export function Breadcrumbs(props: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" class="text-sm text-gray-600 mb-4">
      <ol class="flex flex-wrap items-center gap-x-2 gap-y-1 list-none p-0 m-0">
        <For each={props.crumbs}>
          {(crumb, i) => (
            <li class="flex items-center gap-2 min-w-0">
              <Show when={i() > 0}>
                <span aria-hidden="true" class="text-gray-400">›</span>
              </Show>
              <Show
                when={i() < props.crumbs.length - 1}
                fallback={<span aria-current="page" class="text-gray-900 font-medium truncate">{crumb.name}</span>}
              >
                <a href={crumb.path} class="underline underline-offset-2 hover:text-gray-900">
                  {crumb.name}
                </a>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
