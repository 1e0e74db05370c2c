// After an in-app navigation to another page, what a full page load does for a
// screen-reader or keyboard user: focus moves to the new page's main heading (else
// <main>) and the new title is announced. A change of query on the same page (a sort,
// a filter) leaves focus where it is, unless the element that had it is gone.
import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';

/** Runs `onNavigate` on every navigation; returns the text for a polite live region. */
export function useRouteFocus(onNavigate?: () => void): () => string {
  const location = useLocation();
  const [announcement, announce] = createSignal('');
  let path = location.pathname;
  createEffect(
    on(
      () => location.pathname + location.search,
      () => {
        const moved = location.pathname !== path;
        path = location.pathname;
        onNavigate?.();
        if (moved) announce('');
        // The new page and its <title> are in place by the next frame.
        requestAnimationFrame(() => {
          const active = document.activeElement;
          const lost = !active || active === document.body || !active.isConnected;
          if (!moved && !lost) return;
          const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
          if (target) {
            if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
            target.focus({ preventScroll: true });
          }
          if (moved) announce(document.title);
        });
      },
      { defer: true },
    ),
  );
  return announcement;
}
