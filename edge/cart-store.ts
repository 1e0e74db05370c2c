// CartStore over CartObject Durable Objects: one object per cart id, reached by name.
import { retry } from '../db/retry.ts';
import type { CartLine, CartStore, CartWrite } from '../routers/ports.ts';
import type { CartObjectNamespace, CartStub } from './env.ts';

/** Attempts for calls that are safe to repeat; `add` is not (a lost reply may have added). */
const ATTEMPTS = 3;
const MERGE_ROUNDS = 3;

export function durableCartStore(namespace: CartObjectNamespace): CartStore {
  // A stub that threw may be broken, so every attempt gets a fresh one.
  function call<T>(cartId: string, op: (cart: CartStub) => Promise<T>, attempts = ATTEMPTS): Promise<T> {
    return retry(() => op(namespace.getByName(cartId)), { retryable, attempts, baseDelayMs: 20, maxDelayMs: 200 });
  }

  return {
    get: (cartId) => call(cartId, (cart) => cart.get()),
    add: (cartId, productId, quantity, limits) => call<CartWrite>(cartId, (cart) => cart.add(productId, quantity, limits), 1),
    setQuantity: (cartId, productId, quantity, limits) => call<CartWrite>(cartId, (cart) => cart.setQuantity(productId, quantity, limits)),
    remove: (cartId, productId) => call(cartId, (cart) => cart.remove(productId)),
    clear: (cartId) => call(cartId, (cart) => cart.clear()),

    // Two objects cannot share a transaction, so the merge is three idempotent steps:
    // read the guest snapshot, absorb it into the user cart (skipped when that
    // snapshot was absorbed before), then take exactly those lines out of the guest
    // cart (skipped when already taken). A merge retried after any failure finishes
    // the job without adding a line twice.
    async merge(fromCartId, toCartId, limits): Promise<CartLine[]> {
      if (fromCartId === toCartId) return call(toCartId, (cart) => cart.get());
      const absorbLimits = { maxQuantity: [...limits.maxQuantity], maxLines: limits.maxLines };
      // A snapshot left pending by an earlier, failed merge comes first; then what
      // the guest added since. Bounded: a guest adding without pause cannot hold a sign-in.
      for (let round = 0; round < MERGE_ROUNDS; round++) {
        const snapshot = await call(fromCartId, (cart) => cart.snapshot());
        if (!snapshot.lines.length) break;
        await call(toCartId, (cart) => cart.absorb(fromCartId, snapshot, absorbLimits));
        await call(fromCartId, (cart) => cart.release(snapshot));
      }
      return call(toCartId, (cart) => cart.get());
    },
  };
}

// Workers marks transient failures (a reset object, a dropped connection) as retryable;
// an overloaded object must not be hammered.
function retryable(error: unknown): boolean {
  const e = error as { retryable?: boolean; overloaded?: boolean } | null;
  return e?.retryable === true && e.overloaded !== true;
}
