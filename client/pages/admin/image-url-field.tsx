// The product form's picture address with a preview beside it. Without JavaScript the
// preview shows the saved picture; with it, the preview follows the address as it is
// typed and says so plainly when the picture cannot be shown.
import { createSignal, Match, onCleanup, onMount, Switch } from 'solid-js';
import { IMAGE_URL_PATTERN, IMAGE_URL_RULE } from '../../../routers/shared/image-url.ts';
import { FieldNote, useField } from '../../components/form-fields.tsx';

/** How long typing pauses before the preview loads the new address (not a request per key). */
const SETTLE_MS = 300;

export function ImageUrlField(props: { label: string; saved?: string; productName?: string }) {
  const field = useField('imageUrl');
  const [typed, setTyped] = createSignal(field.value(props.saved));
  const [broken, setBroken] = createSignal(false);
  let image: HTMLImageElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // The saved picture may have failed before the script was running to hear it.
  onMount(() => {
    if (image?.complete) image.decode().then(() => setBroken(false), () => setBroken(true));
  });

  // An empty field keeps the saved picture (a new product gets a generated one).
  const address = () => typed().trim() || props.saved || '';
  const usable = () => IMAGE_URL_PATTERN.test(address());
  const noteId = `${field.id}-preview`;
  return (
    <div class="flex flex-col sm:flex-row gap-4 items-start">
      <div class="flex-1 w-full">
        <label class="flex flex-col gap-1 text-sm">
          {props.label}
          <input
            id={field.id}
            name="imageUrl"
            type="text"
            inputMode="url"
            value={field.value(props.saved)}
            onInput={(event) => {
              const value = event.currentTarget.value;
              clearTimeout(timer);
              timer = setTimeout(() => {
                setBroken(false);
                setTyped(value);
              }, SETTLE_MS);
            }}
            aria-invalid={field.invalid()}
            aria-describedby={[field.describedBy(), noteId].filter(Boolean).join(' ')}
            class="border border-gray-300 rounded px-2 py-1.5 bg-white aria-[invalid=true]:border-red-600"
          />
        </label>
        <FieldNote id={field.id} error={field.error()} />
      </div>
      <figure class="image-preview m-0 flex items-start gap-3 sm:block sm:w-32 shrink-0">
        <div class="w-32 h-32 shrink-0 rounded border border-gray-200 bg-gray-100 overflow-hidden flex items-center justify-center">
          <Switch fallback={<span class="text-xs text-gray-600 p-2 text-center">No picture</span>}>
            <Match when={address() && usable() && !broken()}>
              <img
                ref={image}
                src={address()}
                alt={props.productName ? `Picture of ${props.productName}` : 'Picture preview'}
                width="128"
                height="128"
                class="w-full h-full object-cover"
                onLoad={() => setBroken(false)}
                onError={() => setBroken(true)}
              />
            </Match>
            <Match when={address()}>
              <span aria-hidden="true" class="text-3xl text-gray-400">
                ⚠
              </span>
            </Match>
          </Switch>
        </div>
        {/* Read out as the address changes; also what the field is described by. */}
        <figcaption id={noteId} aria-live="polite" class="flex-1 mt-1 text-xs text-gray-600">
          <Switch fallback={address() === props.saved ? 'Current picture' : address() ? 'Preview' : 'A picture is drawn from the name when this is empty.'}>
            <Match when={address() && !usable()}>
              <span class="image-preview-problem text-red-700">Cannot preview: the address {IMAGE_URL_RULE}.</span>
            </Match>
            <Match when={broken()}>
              <span class="image-preview-problem text-red-700">No picture at this address: check it is right and public.</span>
            </Match>
          </Switch>
        </figcaption>
      </figure>
    </div>
  );
}
