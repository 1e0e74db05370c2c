import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import type { Api, ApiOutput } from '../api.ts';
import { regionName } from '../countries.ts';
import { panel } from './panel.ts';

type Address = ApiOutput<Api['user']['addresses']>[number];

/**
 * Saved addresses as radio buttons. Without JavaScript "Use this address" reloads
 * the page with `?address=<id>` and the form below comes pre-filled; with it,
 * picking one fills the form at once. `children` renders the form with the address.
 */
export function AddressPicker(props: { addresses: Address[]; chosen?: string; coupon?: string; children: (address: () => Address | undefined) => JSX.Element }) {
  const initial = () => {
    if (props.chosen === 'new') return 'new';
    const asked = props.addresses.find((a) => String(a.id) === props.chosen);
    return String((asked ?? props.addresses.find((a) => a.isDefault) ?? props.addresses[0])?.id ?? 'new');
  };
  const [picked, setPicked] = createSignal<string>();
  const chosen = () => picked() ?? initial();
  const address = () => props.addresses.find((a) => String(a.id) === chosen());
  const [enhanced, setEnhanced] = createSignal(false);
  onMount(() => setEnhanced(true));
  return (
    <>
      <Show when={props.addresses.length > 0}>
        <form method="get" action="/checkout" aria-labelledby="saved-heading" class={panel}>
          <Show when={props.coupon}>{(code) => <input type="hidden" name="coupon" value={code()} />}</Show>
          <fieldset class="border-0 p-0 m-0">
            <legend id="saved-heading" class="text-lg font-semibold mb-3 p-0">
              Ship to a saved address
            </legend>
            <div class="grid gap-2 sm:grid-cols-2">
              <For each={props.addresses}>
                {(a) => (
                  <label class="saved-address flex items-start gap-2 p-3 rounded border border-gray-300 cursor-pointer has-[:checked]:border-gray-900 has-[:checked]:bg-gray-50 text-sm">
                    <input type="radio" name="address" value={a.id} checked={chosen() === String(a.id)} onChange={() => setPicked(String(a.id))} class="mt-1" />
                    <span class="min-w-0 break-words">
                      <span class="font-medium">
                        {a.firstName} {a.lastName}
                      </span>
                      <br />
                      {a.street}, {a.city}
                      {a.state ? `, ${a.state}` : ''} {a.zip}, {regionName(a.country)}
                      <Show when={a.isDefault}>
                        <span class="block text-xs text-green-800 font-medium">Default</span>
                      </Show>
                    </span>
                  </label>
                )}
              </For>
              <label class="saved-address flex items-start gap-2 p-3 rounded border border-gray-300 cursor-pointer has-[:checked]:border-gray-900 has-[:checked]:bg-gray-50 text-sm">
                <input type="radio" name="address" value="new" checked={chosen() === 'new'} onChange={() => setPicked('new')} class="mt-1" />
                <span class="font-medium">A new address</span>
              </label>
            </div>
          </fieldset>
          <Show when={!enhanced()}>
            <button type="submit" class="mt-3 px-3 py-1.5 rounded border border-gray-300 bg-white text-sm hover:bg-gray-100">
              Use this address
            </button>
          </Show>
        </form>
      </Show>
      {props.children(address)}
    </>
  );
}
