// A phone header's disclosure (Menu, Account): a <details>/<summary>, so it opens
// without JavaScript too. Its panel is a sibling that follows it in the header (the
// element with id `controls`); the stylesheet shows that panel while the toggle is
// open (client/uno.config.ts), and with JavaScript the owner's signal does. Browsers
// announce a summary as a button, expanded or collapsed.
import { onMount } from 'solid-js';

export function HeaderToggle(props: { id: string; controls: string; label: string; open: boolean; onToggle: (open: boolean) => void }) {
  let details: HTMLDetailsElement | undefined;
  // Opened before the script took over: the signal follows what the shopper did.
  onMount(() => {
    if (details && details.open !== props.open) props.onToggle(details.open);
  });
  return (
    <details ref={details} id={props.id} class="header-toggle md:hidden" open={props.open} onToggle={(e) => props.onToggle(e.currentTarget.open)}>
      <summary
        aria-controls={props.controls}
        class="flex items-center gap-1.5 h-9 list-none cursor-pointer select-none px-2.5 rounded-lg border border-gray-300 bg-white text-sm font-semibold text-gray-900 hover:bg-gray-50"
      >
        {props.label}
      </summary>
    </details>
  );
}

/** Escape inside an open toggle or its panel closes it and puts focus back on its summary. */
export function closeTogglesOnEscape(event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details.header-toggle[open]')) {
    const panel = document.getElementById(details.querySelector('summary')?.getAttribute('aria-controls') ?? '');
    const target = event.target as Node;
    if (!details.contains(target) && !panel?.contains(target)) continue;
    details.open = false;
    details.querySelector('summary')?.focus();
  }
}
