import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { GUEST_CART_COOKIE } from './cart-id.ts';
import { browser, productBySlug } from './testing.ts';
import { createCaller } from '../index.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const customer = (userId: number) => ({ userId, role: 'customer' as const, sessionId: `s${userId}` });

describe('cart.get', () => {
  it('gives a new visitor an empty cart without setting any cookie', async () => {
    const visitor = browser(shop);
    const { status, body, res } = await visitor.trpc('cart.get');
    expect(status).toBe(200);
    expect(body.result.data).toEqual({ items: [], itemCount: 0, availableCount: 0, subtotalCents: 0, currency: 'USD', signedIn: false });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('shows each line with live catalog details and totals', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const socks = await productBySlug(shop, 'merino-wool-crew-socks-3-pack');
    const api = shop.caller(customer(101));
    await api.cart.add({ productId: tee.id, quantity: 2 });
    const cart = await api.cart.add({ productId: socks.id });
    expect(cart).toEqual({
      items: [
        {
          productId: tee.id,
          slug: tee.slug,
          name: tee.name,
          imageUrl: tee.imageUrl,
          unitPriceCents: tee.priceCents,
          quantity: 2,
          lineTotalCents: tee.priceCents * 2,
          available: true,
          unavailableReason: null,
          stock: tee.stock,
          exceedsStock: false,
        },
        {
          productId: socks.id,
          slug: socks.slug,
          name: socks.name,
          imageUrl: socks.imageUrl,
          unitPriceCents: socks.priceCents,
          quantity: 1,
          lineTotalCents: socks.priceCents,
          available: true,
          unavailableReason: null,
          stock: socks.stock,
          exceedsStock: false,
        },
      ],
      itemCount: 3,
      availableCount: 3,
      subtotalCents: tee.priceCents * 2 + socks.priceCents,
      currency: 'USD',
      signedIn: true,
    });
    expect(await api.cart.get()).toEqual(cart);
  });
});

describe('changing a cart', () => {
  it('adds to an existing line, sets quantities, removes lines and clears', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const api = shop.caller(customer(102));
    await api.cart.add({ productId: tee.id });
    await api.cart.add({ productId: tank.id, quantity: 2 });
    const added = await api.cart.add({ productId: tee.id, quantity: 3 });
    expect(added.items.map((i) => [i.productId, i.quantity])).toEqual([
      [tee.id, 4],
      [tank.id, 2],
    ]);
    const set = await api.cart.setQuantity({ productId: tank.id, quantity: 7 });
    expect(set.items.map((i) => [i.productId, i.quantity])).toEqual([
      [tee.id, 4],
      [tank.id, 7],
    ]);
    expect(set.itemCount).toBe(11);
    expect((await api.cart.setQuantity({ productId: tee.id, quantity: 0 })).items.map((i) => i.productId)).toEqual([tank.id]);
    await api.cart.add({ productId: tee.id });
    expect((await api.cart.remove({ productId: tank.id })).items.map((i) => i.productId)).toEqual([tee.id]);
    expect(await api.cart.clear()).toEqual({ items: [], itemCount: 0, availableCount: 0, subtotalCents: 0, currency: 'USD', signedIn: true });
    expect((await api.cart.get()).items).toEqual([]);
  });

  it('rejects quantities that are not whole numbers from 1 to 99', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const api = shop.caller(customer(103));
    for (const quantity of [0, -1, 100, 1.5]) {
      await expect(api.cart.add({ productId: tee.id, quantity })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(api.cart.setQuantity({ productId: tee.id, quantity: 100 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { status, body } = await browser(shop).trpc('cart.add', { productId: tee.id, quantity: 0 });
    expect(status).toBe(400);
    expect(body.error.message).toBe('quantity: must be at least 1');
  });

  it('answers NOT_FOUND for unknown and archived products', async () => {
    const archived = await productBySlug(shop, 'canvas-low-top-sneakers');
    await shop.db.updateTable('products').set({ active: 0 }).where('id', '=', archived.id).execute();
    const api = shop.caller(customer(104));
    await expect(api.cart.add({ productId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.cart.add({ productId: archived.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.cart.setQuantity({ productId: archived.id, quantity: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await shop.db.updateTable('products').set({ active: 1 }).where('id', '=', archived.id).execute();
  });

  it('refuses more than the stock with "Only N left of <name>", counting what is already in the cart', async () => {
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt');
    const api = shop.caller(customer(105));
    await expect(api.cart.add({ productId: fleece.id, quantity: 4 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Only 3 left of Quarter-Zip Fleece Sweatshirt.',
    });
    await api.cart.add({ productId: fleece.id, quantity: 2 });
    await expect(api.cart.add({ productId: fleece.id, quantity: 2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Only 3 left of Quarter-Zip Fleece Sweatshirt (you already have 2 in your cart).',
    });
    await expect(api.cart.setQuantity({ productId: fleece.id, quantity: 4 })).rejects.toMatchObject({
      message: 'Only 3 left of Quarter-Zip Fleece Sweatshirt.',
    });
    expect((await api.cart.get()).items.map((i) => i.quantity)).toEqual([2]);
    const soldOut = await productBySlug(shop, 'garment-dyed-hooded-sweatshirt');
    await expect(api.cart.add({ productId: soldOut.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Garment-Dyed Hooded Sweatshirt is sold out.',
    });
  });

  it('keeps a line at 99 at most', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const api = shop.caller(customer(106));
    await api.cart.add({ productId: tee.id, quantity: 99 });
    await expect(api.cart.add({ productId: tee.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await api.cart.get()).items[0]!.quantity).toBe(99);
  });

  it('refuses a 101st distinct product', async () => {
    // The seed has 122 products in stock; list 101 of them.
    const products = await shop.db.selectFrom('products').select('id').where('stock', '>', 0).where('active', '=', 1).orderBy('id').limit(101).execute();
    expect(products).toHaveLength(101);
    const api = shop.caller(customer(107));
    for (const p of products.slice(0, 100)) await api.cart.add({ productId: p.id });
    await expect(api.cart.add({ productId: products[100]!.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Your cart can hold at most 100 different products. Remove one to add another.',
    });
    expect((await api.cart.add({ productId: products[0]!.id })).items).toHaveLength(100);
  });

  it('ends 50 concurrent adds on one cart with the exact total quantity', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const socks = await productBySlug(shop, 'merino-wool-crew-socks-3-pack');
    const api = shop.caller(customer(108));
    await Promise.all(Array.from({ length: 50 }, (_, i) => api.cart.add({ productId: i % 2 ? tee.id : socks.id, quantity: 2 })));
    const cart = await api.cart.get();
    expect(cart.itemCount).toBe(100);
    expect(cart.items.map((i) => i.quantity)).toEqual([50, 50]);
  });
});

describe('live prices and availability', () => {
  it('reprices the cart at once after an admin changes a price', async () => {
    const sandals = await productBySlug(shop, 'recycled-foam-slide-sandals');
    const api = shop.caller(customer(109));
    expect((await api.cart.add({ productId: sandals.id, quantity: 3 })).subtotalCents).toBe(sandals.priceCents * 3);
    await shop.caller(ADMIN).admin.product.update({ id: sandals.id, priceCents: 1234 });
    const cart = await api.cart.get();
    expect(cart.items[0]).toMatchObject({ unitPriceCents: 1234, lineTotalCents: 3702 });
    expect(cart.subtotalCents).toBe(3702);
  });

  it('shows archived and sold-out lines as unavailable, says why, and leaves them out of the subtotal and its count', async () => {
    const [keep, archive, sellOut] = await shop.db
      .selectFrom('products')
      .selectAll()
      .where('stock', '>=', 20)
      .where('active', '=', 1)
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    const api = shop.caller(customer(110));
    for (const p of [keep!, archive!, sellOut!]) await api.cart.add({ productId: p.id, quantity: 2 });
    await shop.db.updateTable('products').set({ active: 0 }).where('id', '=', archive!.id).execute();
    await shop.db.updateTable('products').set({ stock: 0 }).where('id', '=', sellOut!.id).execute();
    const cart = await api.cart.get();
    expect(cart.items.map((i) => [i.productId, i.available, i.unavailableReason, i.lineTotalCents, i.stock])).toEqual([
      [keep!.id, true, null, keep!.priceCents * 2, keep!.stock],
      [archive!.id, false, 'archived', 0, 0],
      [sellOut!.id, false, 'sold_out', 0, 0],
    ]);
    expect(cart.subtotalCents).toBe(keep!.priceCents * 2);
    // The badge counts every unit; the subtotal's count only those it charges for.
    expect(cart.itemCount).toBe(6);
    expect(cart.availableCount).toBe(2);
    // Removing an unavailable line still works.
    expect((await api.cart.remove({ productId: archive!.id })).items).toHaveLength(2);
  });
});

describe('lines holding more than the stock left', () => {
  it('flags the line, keeps it in the subtotal at its full quantity and leaves the quantity alone', async () => {
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt');
    const api = shop.caller(customer(113));
    expect((await api.cart.add({ productId: fleece.id, quantity: 3 })).items[0]!.exceedsStock).toBe(false);
    await shop.db.updateTable('products').set({ stock: 1 }).where('id', '=', fleece.id).execute();
    try {
      const cart = await api.cart.get();
      expect(cart.items[0]).toMatchObject({ quantity: 3, stock: 1, available: true, unavailableReason: null, exceedsStock: true });
      expect(cart.subtotalCents).toBe(fleece.priceCents * 3);
      expect(cart.availableCount).toBe(3);
      // Lowering it to the stock left clears the flag.
      const fixed = await api.cart.setQuantity({ productId: fleece.id, quantity: 1 });
      expect(fixed.items[0]).toMatchObject({ quantity: 1, exceedsStock: false });
    } finally {
      await shop.db.updateTable('products').set({ stock: fleece.stock }).where('id', '=', fleece.id).execute();
    }
  });

  it('does not flag sold-out lines, which are unavailable instead', async () => {
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt');
    const api = shop.caller(customer(114));
    await api.cart.add({ productId: fleece.id, quantity: 2 });
    await shop.db.updateTable('products').set({ stock: 0 }).where('id', '=', fleece.id).execute();
    try {
      expect((await api.cart.get()).items[0]).toMatchObject({ available: false, unavailableReason: 'sold_out', exceedsStock: false });
    } finally {
      await shop.db.updateTable('products').set({ stock: fleece.stock }).where('id', '=', fleece.id).execute();
    }
  });
});

describe('guest carts', () => {
  it('issues a signed HttpOnly SameSite=Lax cookie on the first add and keeps the cart by it', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const first = await guest.trpc('cart.add', { productId: tee.id, quantity: 2 });
    expect(first.status).toBe(200);
    const [cookie] = first.res.headers.getSetCookie();
    expect(cookie).toStartWith(`${GUEST_CART_COOKIE}=`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const again = await guest.trpc('cart.add', { productId: tee.id });
    expect(again.res.headers.getSetCookie()).toEqual([]);
    expect((await guest.trpc('cart.get')).body.result.data.items.map((i: any) => i.quantity)).toEqual([3]);
  });

  it('marks the cart cookie Secure when the shop is not on localhost, like the session cookie', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const res = await shop.app.fetch(
      new Request('https://shop.example/trpc/cart.add', {
        method: 'POST',
        headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
        body: JSON.stringify({ productId: tee.id }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toContain('Secure');
    expect((await browser(shop).trpc('cart.add', { productId: tee.id })).res.headers.getSetCookie()[0]).not.toContain('Secure');
  });

  it('puts a batch of adds from a new visitor into one cart', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const guest = browser(shop);
    const res = await guest.fetch('/trpc/cart.add,cart.add?batch=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { productId: tee.id }, 1: { productId: tank.id } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toHaveLength(1);
    expect((await guest.trpc('cart.get')).body.result.data.items).toHaveLength(2);
  });

  it('ignores a tampered cookie', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    await guest.trpc('cart.add', { productId: tee.id });
    const signed = decodeURIComponent(guest.cookies.get(GUEST_CART_COOKIE)!);
    const [id, signature] = [signed.slice(0, signed.lastIndexOf('.')), signed.slice(signed.lastIndexOf('.') + 1)];
    const forger = browser(shop);
    for (const forged of [`${id}x.${signature}`, `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${signature}`, id, `${id}.AAAA${signature.slice(4)}`]) {
      forger.cookies.set(GUEST_CART_COOKIE, encodeURIComponent(forged));
      expect((await forger.trpc('cart.get')).body.result.data.items).toEqual([]);
    }
    const added = await forger.trpc('cart.add', { productId: tee.id, quantity: 5 });
    expect(added.res.headers.getSetCookie()[0]).toStartWith(`${GUEST_CART_COOKIE}=`);
    expect((await guest.trpc('cart.get')).body.result.data.items.map((i: any) => i.quantity)).toEqual([1]);
  });

  it('keeps two shoppers apart: guests and signed-in users see and change only their own cart', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const alice = browser(shop);
    const bob = browser(shop);
    await alice.trpc('cart.add', { productId: tee.id, quantity: 1 });
    await bob.trpc('cart.add', { productId: tank.id, quantity: 2 });
    await bob.trpc('cart.remove', { productId: tee.id });
    await bob.trpc('cart.clear');
    expect((await alice.trpc('cart.get')).body.result.data.items.map((i: any) => [i.productId, i.quantity])).toEqual([[tee.id, 1]]);
    expect((await bob.trpc('cart.get')).body.result.data.items).toEqual([]);

    const carol = shop.caller(customer(111));
    const dave = shop.caller(customer(112));
    await carol.cart.add({ productId: tee.id, quantity: 4 });
    await dave.cart.clear();
    expect((await carol.cart.get()).itemCount).toBe(4);
    expect((await dave.cart.get()).itemCount).toBe(0);
    // The procedures take no cart id: there is nothing in the input to point at someone else's cart.
    const sneaky = await alice.trpc('cart.get', { cartId: 'user:111' }, 'GET');
    expect(sneaky.body.result.data.items.map((i: any) => [i.productId, i.quantity])).toEqual([[tee.id, 1]]);
  });
});

describe('the cart answered after a change', () => {
  it('includes a change to another line that landed while this one was on its way', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const socks = await productBySlug(shop, 'merino-wool-crew-socks-3-pack');
    const session = customer(131);
    await shop.caller(session).cart.add({ productId: tee.id });
    await shop.caller(session).cart.add({ productId: socks.id });
    // The tee's new quantity reaches the store only after the socks' change is stored.
    let socksStored!: () => void;
    const socksDone = new Promise<void>((resolve) => (socksStored = resolve));
    const ctx = shop.context(session);
    const slowTee = createCaller({
      ...ctx,
      carts: { ...ctx.carts, setQuantity: async (...args: Parameters<typeof ctx.carts.setQuantity>) => (await socksDone, ctx.carts.setQuantity(...args)) },
    });
    const teeAnswer = slowTee.cart.setQuantity({ productId: tee.id, quantity: 3 });
    await shop.caller(session).cart.setQuantity({ productId: socks.id, quantity: 2 });
    socksStored();
    const cart = await teeAnswer;
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([
      [tee.id, 3],
      [socks.id, 2],
    ]);
  });
});
