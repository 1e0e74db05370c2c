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
