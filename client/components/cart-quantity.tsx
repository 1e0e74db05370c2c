// A cart line's quantity. Without JavaScript: a plain form with an Update button; the
// server comes back to this field (`#cart-quantity-<id>`) and the page says beside it
// what happened. With JavaScript the quantity applies itself after a pause in typing or
// stepping, or on leaving the field (Update stays only for the keyboard), one request at
// a time with the last value winning; focus stays in the field, and a refusal is said
// beside it and the quantity put back.
import { createEffect, createSignal, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import type { CartView } from '../../routers/cart/actions.ts';
import type { CartItem } from '../../routers/cart/pricing.ts';
import { setCartQuantity } from '../forms/cart-forms.ts';
import type { Fields, FormErrors } from '../forms/form-action.ts';
import { useQueryParams } from '../query-params.ts';
import { ActionForm, useFormBusy } from './action-form.tsx';
import { cartNotice, cartRefusal, type CartNoticeText } from './cart-notice.tsx';

/** How long typing or stepping may pause before the quantity is sent. */
const SETTLE_MS = 400;

export function CartQuantity(props: {
  item: CartItem;
  /** The id of a note about the line (more than the stock left) the field is described by too. */
  describedBy?: string;
  onChanged: (view: CartView) => void;
  /** Says a refusal to screen readers (focus stays in the field, so its note is not read out). */
  say: (text: string) => void;
}) {
  const search = useQueryParams<{ cart?: string; reason?: string; product?: string }>();
  const id = () => `cart-quantity-${props.item.productId}`;
  const noteId = () => `${id()}-note`;
  // What the shop said after a plain post of this form (`?cart=…&product=<id>`).
  const posted = () => (search.product === String(props.item.productId) ? cartNotice(search.cart, search.reason, props.item) : null);
  // With JavaScript, what the last change here said: null once one went through, undefined before any.
  const [said, setSaid] = createSignal<CartNoticeText | null>();
  const note = () => (said() === undefined ? posted() : said());
  let box: HTMLInputElement | undefined;

  const done = (view: CartView, fields: Fields) => {
    setSaid(null);
    // Typed on while it was sent: what is typed now goes next.
    const now = view.items.find((i) => i.productId === props.item.productId);
    if (box && now && box.value === fields.quantity) box.value = String(now.quantity);
    props.onChanged(view);
  };
  const failed = (errors: FormErrors, fields: Fields) => {
    const refusal = cartRefusal(errors);
    setSaid(refusal);
    // Typed on while it was sent: what is typed now goes next; else the quantity is put back.
    if (box && box.value === fields.quantity) box.value = String(props.item.quantity);
    props.say(refusal.text);
  };

  const [enhanced, setEnhanced] = createSignal(false);
  onMount(() => setEnhanced(true));
  const describedBy = () => [props.describedBy, note() ? noteId() : undefined].filter(Boolean).join(' ') || undefined;
  return (
    // `contents`: its fields sit in the line's row beside Remove, and the note goes under the whole row.
    <ActionForm action={setCartQuantity} onDone={done} onFailed={failed} class="contents">
      <input type="hidden" name="productId" value={props.item.productId} />
      {/* Back to this field after a plain post, which then names the product for the note. */}
      <input type="hidden" name="next" value={`/cart#${id()}`} />
      <label for={id()} class="text-sm">
        Quantity<span class="sr-only"> of {props.item.name}</span>
      </label>
      <QuantityBox
        id={id()}
        quantity={props.item.quantity}
        ref={(el) => (box = el)}
        invalid={props.item.exceedsStock || note()?.ok === false}
        describedBy={describedBy()}
        autofocus={posted() !== null}
      />
      {/* With JavaScript the field applies itself: Update shows only when the keyboard reaches it. */}
      <button
        type="submit"
        class={`rounded border-gray-300 bg-white text-sm hover:bg-gray-100 ${enhanced() ? 'sr-only focus:not-sr-only focus:border focus:px-3 focus:py-1.5' : 'border px-3 py-1.5'}`}
      >
        Update<span class="sr-only"> quantity of {props.item.name}</span>
      </button>
      <Show when={note()}>
        {(n) => (
          <p id={noteId()} class={`quantity-note order-last w-full text-sm m-0 ${n().ok ? 'text-green-800' : 'text-red-700 font-semibold'}`}>
            {n().text}
          </p>
        )}
      </Show>
    </ActionForm>
  );
}

/**
 * The number field. No `max`: the stock shown may be out of date, and the shop's own
 * answer says how many are left instead of the browser's bubble (the form is novalidate).
 */
function QuantityBox(props: {
  id: string;
  quantity: number;
  ref: (el: HTMLInputElement) => void;
  invalid: boolean;
  describedBy?: string;
  autofocus: boolean;
}) {
  const busy = useFormBusy();
  let box!: HTMLInputElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(timer);
    // One at a time: a change made while one is sent goes when it is done (below).
    if (!busy() && box.value.trim() !== String(props.quantity)) box.form?.requestSubmit();
  };
  // Typing or stepping: wait for a pause. An empty field or a 0 is half-typed; it goes only when the field is left.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => box.value.trim() && box.value.trim() !== '0' && send(), SETTLE_MS);
  };
  createEffect(on(busy, (sending) => !sending && box.value.trim() !== String(props.quantity) && later(), { defer: true }));
  onCleanup(() => clearTimeout(timer));
  return (
    <input
      ref={(el) => {
        box = el;
        props.ref(el);
      }}
      id={props.id}
      type="number"
      name="quantity"
      min="0"
      // Set once: afterwards the field holds what is typed, and a change's answer sets it (CartQuantity).
      value={untrack(() => props.quantity)}
      required
      autofocus={props.autofocus}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      onInput={later}
      onFocusOut={send}
      onKeyDown={(e) => e.key === 'Enter' && clearTimeout(timer)}
      // Room above it when a plain post comes back to it (#cart-quantity-<id>): the line's name stays in sight.
      class="w-16 border border-gray-300 rounded px-2 py-1.5 aria-[invalid=true]:border-red-600 scroll-mt-32"
    />
  );
}
