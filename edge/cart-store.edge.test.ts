// The CartStore contract, run against the Durable Object adapter inside workerd:
// a test Worker (edge/testing/cart-store-worker.ts) bundles the production
// CartObject and adapter and exposes each operation over fetch.
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';
import { cartStoreContract } from '../routers/cart/cart-store.contract.ts';
import type { CartStore } from '../server/ports.ts';
import { bundleWorker } from './testing/bundle.ts';

cartStoreContract('CartObject Durable Objects', async () => {
  const scriptPath = await bundleWorker('edge/testing/cart-store-worker.ts');
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: { CART: { className: 'CartObject', useSQLite: true } },
  });
  const call = async (operation: keyof CartStore, ...args: unknown[]) => {
    const res = await mf.dispatchFetch(`http://carts.test/${operation}`, { method: 'POST', body: JSON.stringify(args) });
    if (!res.ok) throw new Error(`${operation} failed (${res.status}): ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const store: CartStore = {
    get: (cartId) => call('get', cartId),
    add: (cartId, productId, quantity, limits) => call('add', cartId, productId, quantity, limits),
    setQuantity: (cartId, productId, quantity, limits) => call('setQuantity', cartId, productId, quantity, limits),
    remove: (cartId, productId) => call('remove', cartId, productId),
    clear: async (cartId) => void (await call('clear', cartId)),
    merge: (fromCartId, toCartId, limits) => call('merge', fromCartId, toCartId, { ...limits, maxQuantity: [...limits.maxQuantity] }),
  };
  return { store, close: () => mf.dispose() };
});
