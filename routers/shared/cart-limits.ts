// Bounds on a cart, shared by the router, the merge and the form fallback.
export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 100;

/** Most units of one product a cart line may hold. */
export const lineCap = (stock: number) => Math.max(0, Math.min(stock, MAX_LINE_QUANTITY));
