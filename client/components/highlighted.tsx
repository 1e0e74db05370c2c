import { For } from 'solid-js';
import type { HighlightSegment } from '../../routers/product/search.ts';

/** Text with the words that matched a search marked; plain segments, so nothing is parsed as HTML. */
export function Highlighted(props: { segments: HighlightSegment[] }) {
  return (
    <For each={props.segments}>
      {(segment) => (segment.match ? <mark class="bg-yellow-200 text-inherit rounded-sm px-0.5">{segment.text}</mark> : segment.text)}
    </For>
  );
}
