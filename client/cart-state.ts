// The visitor's cart as every page sees it: read once per page by the layout
// (server-rendered, so the header badge needs no extra request), and replaced
// by the cart a mutation returns so the badge and the cart page update together.
import { createContext, useContext, type Resource } from 'solid-js';
import type { CartView } from '../routers/cart/actions.ts';

export interface CartState {
  cart: Resource<CartView>;
  set(view: CartView): void;
}

export const CartContext = createContext<CartState>();

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error('useCart() outside <CartContext.Provider>');
  return state;
}

/**
 * Progressive enhancement for a cart form: with JavaScript the form's fields go
 * to `run` (a tRPC mutation) instead of a full-page POST. Returns the submit handler.
 */
export function enhanceCartForm(
  state: CartState,
  run: (form: FormData) => Promise<CartView>,
  report: (outcome: { ok: true } | { ok: false; message: string }) => void,
) {
  return async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    form.setAttribute('aria-busy', 'true');
    try {
      state.set(await run(new FormData(form)));
      report({ ok: true });
    } catch (error) {
      report({ ok: false, message: error instanceof Error ? error.message : 'Something went wrong. Please try again.' });
    } finally {
      form.removeAttribute('aria-busy');
    }
  };
}
