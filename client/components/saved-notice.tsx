import { Show } from 'solid-js';
import { known } from '../known.ts';

/** The green line a page shows when a form sent the visitor back with `?saved=<what>`: `messages[what]`. */
export function SavedNotice(props: { messages: Record<string, string>; saved?: string }) {
  return (
    <Show when={known(props.messages, props.saved)}>
      {(message) => (
        <p role="status" class="mb-4 p-3 rounded border border-green-300 bg-green-50 text-green-800 text-sm">
          {message()}
        </p>
      )}
    </Show>
  );
}
