// A product's pictures: one large, thumbnails below to switch it. The thumbnails are a radio group,
// so choosing one by click, tap or arrow keys shows its picture through CSS alone (peer-checked),
// the same with or without JavaScript.
import { For, Show } from 'solid-js';
import type { ProductImage } from '../../routers/product/image-path.ts';

const MAIN_CLASS = 'w-full aspect-square rounded-xl bg-gray-100 border border-gray-200';

export function Gallery(props: { images: ProductImage[]; label: string }) {
  return (
    <Show
      when={props.images.length > 1}
      fallback={<img src={props.images[0]?.url} alt={props.images[0]?.alt ?? ''} width="400" height="400" class={`block ${MAIN_CLASS}`} />}
    >
      <div class="gallery relative w-full max-w-lg mx-auto md:mx-0">
        {/* Holds the main picture's place: the pictures themselves sit over it, one shown. */}
        <div aria-hidden="true" class={MAIN_CLASS} />
        <div role="radiogroup" aria-label={props.label} class="mt-3 flex gap-2 sm:gap-3">
          <For each={props.images}>
            {(image, i) => (
              <div>
                <input type="radio" name="gallery-picture" id={`gallery-picture-${i() + 1}`} value={i() + 1} checked={i() === 0} class="peer sr-only" />
                <label
                  for={`gallery-picture-${i() + 1}`}
                  class="block w-16 sm:w-20 cursor-pointer overflow-hidden rounded-lg border-2 border-gray-200 hover:border-gray-400 peer-checked:border-gray-900 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600"
                >
                  <img src={image.url} alt={image.alt} width="80" height="80" loading="lazy" class="block w-full aspect-square" />
                </label>
                <img
                  src={image.url}
                  alt={image.alt}
                  width="400"
                  height="400"
                  loading={i() === 0 ? 'eager' : 'lazy'}
                  class={`gallery-main hidden peer-checked:block absolute top-0 left-0 ${MAIN_CLASS}`}
                />
              </div>
            )}
          </For>
        </div>
      </div>
    </Show>
  );
}
