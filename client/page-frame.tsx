// What every page has around its layout, storefront and admin alike: the route noted for
// the server, a skip link, and focus moved and the new page announced after an in-app navigation.
import type { ParentProps } from 'solid-js';
import { notePageRoute } from './page-status.ts';
import { useRouteFocus } from './route-focus.ts';

export function PageFrame(props: ParentProps<{ onNavigate?: () => void }>) {
  notePageRoute();
  const announcement = useRouteFocus(() => props.onNavigate?.());
  return (
    <>
      <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 bg-white p-2 rounded z-10">
        Skip to content
      </a>
      {/* Says which page an in-app navigation arrived at. */}
      <p aria-live="polite" aria-atomic="true" class="sr-only">
        {announcement()}
      </p>
      {props.children}
    </>
  );
}
