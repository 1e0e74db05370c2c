import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { GUEST_CART_COOKIE, guestCartId } from './cart-id.ts';
import { mergeGuestCart } from './merge.ts';
import { browser, productBySlug } from './testing.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const customer = (userId: number) => ({ userId, role: 'customer' as const, sessionId: `s${userId}` });
const lines = (cart: { items: { slug: string; quantity: number }[] }) => cart.items.map((i) => [i.slug, i.quantity]);

// Signing in and registering (user.login, user.register) merge the guest cart;
// the first two tests go through those procedures over HTTP, as a browser does.
describe('merging the guest cart', () => {
  it('on sign-in adds the guest lines to the user cart, capped at the stock and at 99, and empties the guest cart', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee'); // stock 180
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt'); // stock 3
    const slides = await productBySlug(shop, 'recycled-foam-slide-sandals'); // stock 160
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const account = await shop.register();
    const user = shop.caller(account.session);
    await user.cart.add({ productId: tee.id, quantity: 1 });
    await user.cart.add({ productId: fleece.id, quantity: 2 });
    await user.cart.add({ productId: slides.id, quantity: 50 });

    const guest = browser(shop);
    for (const [productId, quantity] of [
      [tank.id, 1],
      [tee.id, 3],
      [fleece.id, 2],
      [slides.id, 60],
    ] as const) {
      expect((await guest.trpc('cart.add', { productId, quantity })).status).toBe(200);
    }

    const guestCookie = guest.cookies.get(GUEST_CART_COOKIE)!;
    const signIn = await guest.trpc('user.login', { email: account.email, password: account.password });
    expect(signIn.status).toBe(200);
    expect(lines((await guest.trpc('cart.get')).body.result.data)).toEqual([
      [tee.slug, 4],
      [fleece.slug, 3],
      [slides.slug, 99],
      [tank.slug, 1],
    ]);
    // The browser is told to forget the guest cart, and the old cookie now names an empty cart.
    expect(signIn.res.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(new RegExp(`^${GUEST_CART_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`)),
    );
    expect(guest.cookies.has(GUEST_CART_COOKIE)).toBe(false);
    const oldGuest = shop.context(null, new Headers({ cookie: `${GUEST_CART_COOKIE}=${guestCookie}` }));
    expect(await shop.carts.get((await guestCartId(oldGuest))!)).toEqual([]);
  });

  it('on registration gives the new account the guest cart, without lines that became unavailable', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const vest = await productBySlug(shop, 'packable-down-vest');
    const sneakers = await productBySlug(shop, 'canvas-low-top-sneakers');
    const guest = browser(shop);
    await guest.trpc('cart.add', { productId: tee.id, quantity: 2 });
    await guest.trpc('cart.add', { productId: vest.id, quantity: 1 });
    await guest.trpc('cart.add', { productId: sneakers.id, quantity: 1 });
    await shop.db.updateTable('products').set({ active: 0 }).where('id', '=', vest.id).execute();
    await shop.db.updateTable('products').set({ stock: 0 }).where('id', '=', sneakers.id).execute();

    const password = 'correct horse battery';
    const registered = await guest.trpc('user.register', { email: 'new-shopper@example.com', password, confirmPassword: password });
    expect(registered.status).toBe(200);
    const cart = (await guest.trpc('cart.get')).body.result.data;
    expect(lines(cart)).toEqual([[tee.slug, 2]]);
    expect(cart.signedIn).toBe(true);
    await shop.db.updateTable('products').set({ active: 1 }).where('id', '=', vest.id).execute();
    await shop.db.updateTable('products').set({ stock: sneakers.stock }).where('id', '=', sneakers.id).execute();
  });

  it('leaves the user cart alone when there is no guest cookie, or a tampered one', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const user = shop.caller(customer(9));
    await user.cart.add({ productId: tee.id, quantity: 2 });
    const none = shop.context();
    expect(await mergeGuestCart(none, 9)).toEqual([{ productId: tee.id, quantity: 2 }]);
    expect(none.resHeaders.getSetCookie()).toEqual([]);

    const guest = browser(shop);
    await guest.trpc('cart.add', { productId: tee.id, quantity: 5 });
    const value = guest.cookies.get(GUEST_CART_COOKIE)!;
    const tampered = (value.startsWith('x') ? 'y' : 'x') + value.slice(1);
    const forged = shop.context(null, new Headers({ cookie: `${GUEST_CART_COOKIE}=${tampered}` }));
    await mergeGuestCart(forged, 9);
    expect(lines(await user.cart.get())).toEqual([[tee.slug, 2]]);
    expect((await guest.trpc('cart.get')).body.result.data.itemCount).toBe(5);
  });
});
