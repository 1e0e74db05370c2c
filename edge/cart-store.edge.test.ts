// The CartStore contract, run against the Durable Object adapter inside workerd:
// a test Worker (edge/testing/cart-store-worker.ts) bundles the production
// CartObject and adapter and exposes each operation over fetch. Then the merge
// steps are replayed as a retry after a failure would replay them.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { Miniflare } from 'miniflare';
import { cartStoreContract } from '../routers/cart/cart-store.contract.ts';
import type { CartLine, CartStore } from '../routers/ports.ts';
import type { CartSnapshot } from './cart-object.ts';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleWorker, workerOptions } from './testing/bundle.ts';

let mf: Miniflare;
let scriptPath: string;
beforeAll(async () => {
  scriptPath = await bundleWorker('edge/testing/cart-store-worker.ts');
  mf = new Miniflare(workerOptions(scriptPath));
  // workerd's start belongs to the setup, not to the first contract test.
  await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
  if (scriptPath) rmSync(dirname(scriptPath), { recursive: true, force: true });
});

async function post(path: string, args: unknown[]) {
  const res = await mf.dispatchFetch(`http://carts.test/${path}`, { method: 'POST', body: JSON.stringify(args) });
  if (!res.ok) throw new Error(`${path} failed (${res.status}): ${await res.text()}`);
  return res.json() as Promise<any>;
}

const store: CartStore = {
  get: (cartId) => post('get', [cartId]),
  add: (cartId, productId, quantity, limits) => post('add', [cartId, productId, quantity, limits]),
  setQuantity: (cartId, productId, quantity, limits) => post('setQuantity', [cartId, productId, quantity, limits]),
  remove: (cartId, productId) => post('remove', [cartId, productId]),
  clear: async (cartId) => void (await post('clear', [cartId])),
  merge: (fromCartId, toCartId, limits) => post('merge', [fromCartId, toCartId, { ...limits, maxQuantity: [...limits.maxQuantity] }]),
};

cartStoreContract('CartObject Durable Objects', async () => ({ store, close: async () => {} }));

describe('merging guest carts across two Durable Objects', () => {
  const roomy = { maxQuantity: 99, maxLines: 100 };
  const caps = { maxQuantity: [1, 2, 3].map((id) => [id, 99]), maxLines: 100 };
  const mergeCaps = { maxQuantity: new Map([1, 2, 3].map((id) => [id, 99])), maxLines: 100 };
  const snapshot = (cartId: string): Promise<CartSnapshot> => post('object/snapshot', [cartId]);
  const absorb = (cartId: string, from: string, snap: CartSnapshot): Promise<CartLine[]> => post('object/absorb', [cartId, from, snap, caps]);
  const release = (cartId: string, snap: CartSnapshot) => post('object/release', [cartId, snap]);

  it('a merge retried after the user cart took the guest lines adds nothing twice', async () => {
    const [guest, user] = ['guest:retry-1', 'user:retry-1'];
    await store.add(guest, 1, 2, roomy);
    await store.add(user, 1, 1, roomy);
    // The first attempt absorbed the snapshot and then failed before emptying the guest cart.
    expect(await absorb(user, guest, await snapshot(guest))).toEqual([{ productId: 1, quantity: 3 }]);
    expect(await store.merge(guest, user, mergeCaps)).toEqual([{ productId: 1, quantity: 3 }]);
    expect(await store.get(guest)).toEqual([]);
    expect(await store.merge(guest, user, mergeCaps)).toEqual([{ productId: 1, quantity: 3 }]);
  });

  it('a merge whose release failed, retried after the guest added more, counts the first lines once', async () => {
    const [guest, user] = ['guest:retry-5', 'user:retry-5'];
    await store.add(guest, 1, 2, roomy);
    // A sign-in absorbed the guest's snapshot, then failed before releasing it;
    // the visitor, still a guest, added another product and signed in again.
    await absorb(user, guest, await snapshot(guest));
    await store.add(guest, 2, 1, roomy);
    expect(await store.merge(guest, user, mergeCaps)).toEqual([
      { productId: 1, quantity: 2 },
      { productId: 2, quantity: 1 },
    ]);
    expect(await store.get(guest)).toEqual([]);
  });

  it('absorbing or releasing the same snapshot twice counts it once', async () => {
    const [guest, user] = ['guest:retry-2', 'user:retry-2'];
    await store.add(guest, 1, 2, roomy);
    const snap = await snapshot(guest);
    await absorb(user, guest, snap);
    expect(await absorb(user, guest, snap)).toEqual([{ productId: 1, quantity: 2 }]);
    await store.add(guest, 1, 1, roomy);
    await release(guest, snap);
    await release(guest, snap);
    expect(await store.get(guest)).toEqual([{ productId: 1, quantity: 1 }]);
  });

  it('keeps lines added to the guest cart during a merge, and the next merge moves them', async () => {
    const [guest, user] = ['guest:retry-3', 'user:retry-3'];
    await store.add(guest, 1, 2, roomy);
    const snap = await snapshot(guest);
    await store.add(guest, 2, 1, roomy);
    await absorb(user, guest, snap);
    await release(guest, snap);
    expect(await store.get(guest)).toEqual([{ productId: 2, quantity: 1 }]);
    expect(await store.merge(guest, user, mergeCaps)).toEqual([
      { productId: 1, quantity: 2 },
      { productId: 2, quantity: 1 },
    ]);
    expect(await store.get(guest)).toEqual([]);
  });

  it('merges concurrent sign-ins of one guest cart once', async () => {
    const [guest, user] = ['guest:retry-4', 'user:retry-4'];
    await store.add(guest, 3, 4, roomy);
    const results = await Promise.all([store.merge(guest, user, mergeCaps), store.merge(guest, user, mergeCaps)]);
    for (const result of results) expect(result).toEqual([{ productId: 3, quantity: 4 }]);
    expect(await store.get(user)).toEqual([{ productId: 3, quantity: 4 }]);
    expect(await store.get(guest)).toEqual([]);
  });
});
