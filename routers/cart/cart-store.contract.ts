// The behaviour every CartStore adapter must show. Run it once per adapter:
// `cartStoreContract('local', makeLocalStore)`; the Durable Object store runs it too.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { CartLimits, CartStore } from '../ports.ts';

export interface CartStoreFixture {
  store: CartStore;
  close(): Promise<void>;
}

const roomy: CartLimits = { maxQuantity: 99, maxLines: 100 };
let nextCart = 0;
/** A cart id no other test uses, so tests share one store without seeing each other. */
const freshCart = (kind: 'user' | 'guest' = 'guest') => `${kind}:contract-${++nextCart}`;

export function cartStoreContract(name: string, makeStore: () => Promise<CartStoreFixture>) {
  describe(`CartStore contract: ${name}`, () => {
    let fixture: CartStoreFixture;
    let store: CartStore;
    beforeAll(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterAll(() => fixture.close());

    it('starts every cart empty', async () => {
      expect(await store.get(freshCart())).toEqual([]);
    });

    it('adds lines in the order they were first added and sums repeated adds, answering with the line written', async () => {
      const cart = freshCart();
      expect(await store.add(cart, 5, 2, roomy)).toEqual({ ok: true, line: { productId: 5, quantity: 2 } });
      await store.add(cart, 3, 1, roomy);
      expect(await store.add(cart, 5, 4, roomy)).toEqual({ ok: true, line: { productId: 5, quantity: 6 } });
      expect(await store.get(cart)).toEqual([
        { productId: 5, quantity: 6 },
        { productId: 3, quantity: 1 },
      ]);
    });

    it('caps a line at maxQuantity when adding', async () => {
      const cart = freshCart();
      await store.add(cart, 1, 3, { maxQuantity: 5, maxLines: 100 });
      expect(await store.add(cart, 1, 4, { maxQuantity: 5, maxLines: 100 })).toEqual({ ok: true, line: { productId: 1, quantity: 5 } });
      expect(await store.add(cart, 2, 120, roomy)).toEqual({ ok: true, line: { productId: 2, quantity: 99 } });
      expect(await store.get(cart)).toEqual([
        { productId: 1, quantity: 5 },
        { productId: 2, quantity: 99 },
      ]);
    });

    it('sets a quantity, creating the line if needed, capped at maxQuantity, and removes it at 0', async () => {
      const cart = freshCart();
      await store.add(cart, 1, 3, roomy);
      expect(await store.setQuantity(cart, 1, 7, roomy)).toEqual({ ok: true, line: { productId: 1, quantity: 7 } });
      expect(await store.setQuantity(cart, 1, 2, roomy)).toEqual({ ok: true, line: { productId: 1, quantity: 2 } });
      expect(await store.setQuantity(cart, 2, 9, { maxQuantity: 4, maxLines: 100 })).toEqual({ ok: true, line: { productId: 2, quantity: 4 } });
      expect(await store.get(cart)).toEqual([
        { productId: 1, quantity: 2 },
        { productId: 2, quantity: 4 },
      ]);
      expect(await store.setQuantity(cart, 1, 0, roomy)).toEqual({ ok: true, line: { productId: 1, quantity: 0 } });
      expect(await store.get(cart)).toEqual([{ productId: 2, quantity: 4 }]);
    });

    it('refuses a new line in a full cart but still changes lines already there', async () => {
      const cart = freshCart();
      const three = { maxQuantity: 99, maxLines: 3 };
      for (const id of [1, 2, 3]) await store.add(cart, id, 1, three);
      expect(await store.add(cart, 4, 1, three)).toEqual({ ok: false, code: 'CART_FULL' });
      expect(await store.setQuantity(cart, 4, 1, three)).toEqual({ ok: false, code: 'CART_FULL' });
      expect((await store.add(cart, 2, 1, three)).ok).toBe(true);
      expect((await store.setQuantity(cart, 3, 5, three)).ok).toBe(true);
      expect(await store.get(cart)).toEqual([
        { productId: 1, quantity: 1 },
        { productId: 2, quantity: 2 },
        { productId: 3, quantity: 5 },
      ]);
    });

    it('removes one line, and removing a missing line changes nothing', async () => {
      const cart = freshCart();
      await store.add(cart, 1, 1, roomy);
      await store.add(cart, 2, 2, roomy);
      expect(await store.remove(cart, 1)).toEqual([{ productId: 2, quantity: 2 }]);
      expect(await store.remove(cart, 42)).toEqual([{ productId: 2, quantity: 2 }]);
    });

    it('clears one cart without touching another', async () => {
      const mine = freshCart();
      const yours = freshCart();
      await store.add(mine, 1, 1, roomy);
      await store.add(yours, 1, 4, roomy);
      await store.clear(mine);
      expect(await store.get(mine)).toEqual([]);
      expect(await store.get(yours)).toEqual([{ productId: 1, quantity: 4 }]);
    });

    it('keeps the exact total under 50 concurrent adds to one line, each answered with the quantity it left', async () => {
      const cart = freshCart();
      const results = await Promise.all(Array.from({ length: 50 }, () => store.add(cart, 7, 1, roomy)));
      const quantities = results.map((r) => (r.ok ? r.line.quantity : 0)).sort((a, b) => a - b);
      expect(quantities).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.get(cart)).toEqual([{ productId: 7, quantity: 50 }]);
    });

    it('never passes the cap under concurrent adds', async () => {
      const cart = freshCart();
      await Promise.all(Array.from({ length: 30 }, () => store.add(cart, 7, 3, { maxQuantity: 40, maxLines: 100 })));
      expect(await store.get(cart)).toEqual([{ productId: 7, quantity: 40 }]);
    });

    it('merges a guest cart into a user cart: sums, caps per product, drops uncapped lines, empties the guest cart', async () => {
      const guest = freshCart('guest');
      const user = freshCart('user');
      await store.add(user, 1, 2, roomy);
      await store.add(user, 2, 8, roomy);
      await store.add(guest, 3, 1, roomy);
      await store.add(guest, 1, 5, roomy);
      await store.add(guest, 2, 6, roomy);
      await store.add(guest, 4, 2, roomy);
      const caps = new Map([
        [1, 99],
        [2, 10],
        [3, 99],
      ]);
      const merged = await store.merge(guest, user, { maxQuantity: caps, maxLines: 100 });
      expect(merged).toEqual([
        { productId: 1, quantity: 7 },
        { productId: 2, quantity: 10 },
        { productId: 3, quantity: 1 },
      ]);
      expect(await store.get(user)).toEqual(merged);
      expect(await store.get(guest)).toEqual([]);
    });

    it('merges into an empty user cart and never lowers a line the user already had', async () => {
      const guest = freshCart('guest');
      const user = freshCart('user');
      await store.add(guest, 1, 120, roomy);
      expect(await store.merge(guest, user, { maxQuantity: new Map([[1, 99]]), maxLines: 100 })).toEqual([{ productId: 1, quantity: 99 }]);

      const guest2 = freshCart('guest');
      await store.add(guest2, 1, 1, roomy);
      expect(await store.merge(guest2, user, { maxQuantity: new Map([[1, 5]]), maxLines: 100 })).toEqual([{ productId: 1, quantity: 99 }]);
    });

    it('merges only as many new lines as the user cart has room for', async () => {
      const guest = freshCart('guest');
      const user = freshCart('user');
      await store.add(user, 1, 1, roomy);
      for (const id of [2, 3, 4]) await store.add(guest, id, 1, roomy);
      const caps = new Map([2, 3, 4].map((id) => [id, 99]));
      expect(await store.merge(guest, user, { maxQuantity: caps, maxLines: 3 })).toEqual([
        { productId: 1, quantity: 1 },
        { productId: 2, quantity: 1 },
        { productId: 3, quantity: 1 },
      ]);
      expect(await store.get(guest)).toEqual([]);
    });

    it('merging an empty or unknown cart changes nothing', async () => {
      const user = freshCart('user');
      await store.add(user, 1, 2, roomy);
      expect(await store.merge(freshCart('guest'), user, { maxQuantity: new Map(), maxLines: 100 })).toEqual([{ productId: 1, quantity: 2 }]);
    });
  });
}
