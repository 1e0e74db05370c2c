// The cart as a shopper without JavaScript meets it: server-rendered pages and
// plain form posts to /cart/add, /cart/set and /cart/remove.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { GUEST_CART_COOKIE } from './cart-id.ts';
import { formatMoney } from '../../client/format.ts';
import { browser, productBySlug } from './testing.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const form = (fields: Record<string, string | number>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
  return { method: 'POST', body };
};
const badge = (html: string) => /class="cart-count[^"]*">(\d+)</.exec(html)?.[1];
/** The words a shopper reads in one part of a page: tags, hydration markers and extra spaces gone. */
const words = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,)])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
/** The words of each cart line, in order. */
const lines = (html: string) => {
  const list = html.slice(html.indexOf('<ul aria-label="Items in your cart"'));
  return list.slice(0, list.indexOf('</ul>')).split('<li ').slice(1).map((li) => words(`<li ${li}`));
};
const between = (html: string, from: string, to: string) => {
  const start = html.indexOf(from);
  return start < 0 ? undefined : words(html.slice(start, html.indexOf(to, start)));
};
const summary = (html: string) => between(html, 'id="summary-heading"', 'Continue shopping');

describe('cart forms without JavaScript', () => {
  it('adds from a product grid and sends the shopper back with a confirmation and an updated badge', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const category = await (await guest.fetch('/category/apparel')).text();
    expect(category).toMatch(new RegExp(`<input[^>]* type="hidden" name="productId" value="${tee.id}">`));
    expect(badge(category)).toBe('0');

    const res = await guest.fetch('/cart/add', form({ productId: tee.id, quantity: 2, next: '/category/apparel?sort=name' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/category/apparel?sort=name&cart=added');
    expect(res.headers.getSetCookie()[0]).toStartWith(`${GUEST_CART_COOKIE}=`);

    const back = await (await guest.fetch(res.headers.get('location')!)).text();
    expect(back).toContain('Added to your cart.');
    expect(badge(back)).toBe('2');
    expect(badge(await (await guest.fetch('/')).text())).toBe('2');
  });

  it('comes back to the card added from, which says what happened beside its button', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const category = await (await guest.fetch('/category/apparel?sort=name')).text();
    // Each card has an id, and its form says to come back to it.
    expect(category).toMatch(new RegExp(`<li[^>]* id="product-${tee.id}"`));
    expect(category).toMatch(new RegExp(`name="next" value="/category/apparel\\?sort=name#product-${tee.id}"`));

    const res = await guest.fetch('/cart/add', form({ productId: tee.id, next: `/category/apparel?sort=name#product-${tee.id}` }));
    expect(res.headers.get('location')).toBe(`/category/apparel?sort=name&cart=added&product=${tee.id}#product-${tee.id}`);
    const back = (await (await guest.fetch(res.headers.get('location')!)).text()).replace(/<!--[\s\S]*?-->/g, '');
    const card = back.slice(back.indexOf(`id="product-${tee.id}"`));
    expect(words(card.slice(0, card.indexOf('</li>')))).toContain('Added to your cart. View cart');
    // The button is described by it, so focus on the button reads it.
    const describedBy = /<button[^>]*aria-describedby="([^"]+)"/.exec(card)?.[1];
    expect(card).toContain(`id="${describedBy}"`);
    // Another card says nothing.
    expect((back.match(/Added to your cart\./g) ?? []).length).toBe(2); // this card and the page's notice

    // A failure comes back to the card too, with the reason there.
    await shop.db.updateTable('products').set({ stock: 1 }).where('id', '=', tee.id).execute();
    try {
      const tooMany = await guest.fetch('/cart/add', form({ productId: tee.id, quantity: 5, next: `/category/apparel#product-${tee.id}` }));
      expect(tooMany.headers.get('location')).toBe(`/category/apparel?cart=error&reason=NOT_ENOUGH_STOCK&product=${tee.id}#product-${tee.id}`);
      // A form without a card to come back to names no product.
      const plain = await guest.fetch('/cart/add', form({ productId: tee.id, quantity: 5, next: `/product/${tee.slug}?cart=added&product=${tee.id}` }));
      expect(plain.headers.get('location')).toBe(`/product/${tee.slug}?cart=error&reason=NOT_ENOUGH_STOCK`);
    } finally {
      await shop.db.updateTable('products').set({ stock: tee.stock }).where('id', '=', tee.id).execute();
    }
  });

  it('does not offer "Add to cart" for sold-out products', async () => {
    const soldOut = await productBySlug(shop, 'garment-dyed-hooded-sweatshirt');
    const html = await (await browser(shop).fetch('/category/apparel?sort=name')).text();
    expect(html).toContain(soldOut.name);
    expect(html).not.toContain(`name="productId" value="${soldOut.id}"`);
  });

  it('reports a refused add back on the page it came from', async () => {
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt');
    const guest = browser(shop);
    const tooMany = await guest.fetch('/cart/add', form({ productId: fleece.id, quantity: 5, next: '/category/apparel' }));
    expect(tooMany.headers.get('location')).toBe('/category/apparel?cart=error&reason=NOT_ENOUGH_STOCK');
    expect(tooMany.headers.getSetCookie()).toEqual([]);
    const page = await (await guest.fetch(tooMany.headers.get('location')!)).text();
    expect(page).toContain("We don't have that many in stock.");
    const bad = await guest.fetch('/cart/add', form({ productId: fleece.id, quantity: 'lots', next: '/' }));
    expect(bad.headers.get('location')).toBe('/?cart=error&reason=INVALID');
    const gone = await guest.fetch('/cart/add', form({ productId: 999_999, next: '/' }));
    expect(gone.headers.get('location')).toBe('/?cart=error&reason=PRODUCT_NOT_FOUND');
  });

  it('accepts the product page form (productId and quantity only) and returns to the page that sent it', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const res = await guest.fetch('/cart/add', {
      ...form({ productId: tee.id, quantity: 1 }),
      headers: { referer: `http://localhost/product/${tee.slug}` },
    });
    expect(res.headers.get('location')).toBe(`/product/${tee.slug}?cart=added`);
    const noReferer = await guest.fetch('/cart/add', form({ productId: tee.id }));
    expect(noReferer.headers.get('location')).toBe('/cart?cart=added');
    expect((await guest.trpc('cart.get')).body.result.data.itemCount).toBe(2);
  });

  it('never redirects to another site', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await guest.fetch('/cart/add', {
        ...form({ productId: tee.id, next }),
        headers: { referer: 'https://evil.example/page' },
      });
      expect(res.headers.get('location')).toBe('/cart?cart=added');
    }
  });

  it('refuses form posts from another origin', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const res = await browser(shop).fetch('/cart/add', { ...form({ productId: tee.id }), headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('changes a quantity and removes a line from the cart page', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const guest = browser(shop);
    await guest.fetch('/cart/add', form({ productId: tee.id }));
    await guest.fetch('/cart/add', form({ productId: tank.id }));
    const set = await guest.fetch('/cart/set', form({ productId: tee.id, quantity: 4, next: '/cart' }));
    expect(set.headers.get('location')).toBe('/cart?cart=updated');
    const removed = await guest.fetch('/cart/remove', form({ productId: tank.id, next: '/cart' }));
    expect(removed.headers.get('location')).toBe('/cart?cart=removed');
    const page = await (await guest.fetch('/cart?cart=removed')).text();
    expect(page).toContain('Removed from your cart.');
    expect(page).toContain(`value="4"`);
    expect(page).not.toContain(tank.name);
    expect(badge(page)).toBe('4');
    expect((await guest.fetch('/cart/nothing', form({ productId: tee.id }))).status).toBe(404);
  });
});

describe('the cart page', () => {
  it('ignores notice codes it does not know, even names of built-in object properties', async () => {
    for (const query of ['cart=hasOwnProperty', 'cart=error&reason=constructor', 'cart=__proto__', 'cart=toString']) {
      const res = await browser(shop).fetch(`/cart?${query}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('cart-notice');
      expect(html).not.toContain('[object');
    }
  });

  it('shows an empty state that links back to the catalog', async () => {
    const res = await browser(shop).fetch('/cart');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<title[^>]*>Your cart — GoMall<\/title>/);
    expect(html).toContain('Your cart is empty.');
    expect(html).toMatch(/<a href="\/"[^>]*>Browse the catalog<\/a>/);
  });

  it('lists lines with image, name, unit price, quantity, line totals and subtotal, and sends guests to sign in for checkout', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee'); // $28.00
    const socks = await productBySlug(shop, 'merino-wool-crew-socks-3-pack');
    const guest = browser(shop);
    await guest.fetch('/cart/add', form({ productId: tee.id, quantity: 3 }));
    await guest.fetch('/cart/add', form({ productId: socks.id, quantity: 1 }));
    await shop.db.updateTable('products').set({ active: 0 }).where('id', '=', socks.id).execute();
    const html = await (await guest.fetch('/cart')).text();
    await shop.db.updateTable('products').set({ active: 1 }).where('id', '=', socks.id).execute();
    expect(html).toContain(`<img src="${tee.imageUrl}" alt="${tee.name}"`);
    expect(html).toContain('$28.00<!--/--> each');
    expect(html).toContain('<span class="line-total font-semibold">$84.00</span>');
    expect(html).toContain('<strong class="cart-subtotal">$84.00</strong>');
    expect(html).toContain('No longer sold');
    expect(html).toContain('Unavailable items are not included in the subtotal.');
    expect(html).toMatch(/<label[^>]* for="cart-quantity-/);
    expect(html).toMatch(/href="\/sign-in\?next=\/checkout"[^>]*>Checkout<\/a>/);
  });
});

describe('what the cart page tells a shopper about lines that cannot be bought as they are', () => {
  /** A guest's cart page after adding [slug, quantity] lines, then changing the catalog with `change`. */
  async function cartPage(add: [string, number][], change: () => Promise<unknown> = async () => {}) {
    const guest = browser(shop);
    for (const [slug, quantity] of add) {
      const product = await productBySlug(shop, slug);
      expect((await guest.fetch('/cart/add', form({ productId: product.id, quantity }))).headers.get('location')).toBe('/cart?cart=added');
    }
    await change();
    return { guest, html: await (await guest.fetch('/cart')).text() };
  }
  const setProduct = (slug: string, values: { stock?: number; active?: number }) =>
    shop.db.updateTable('products').set(values).where('slug', '=', slug).execute();

  it('counts only the units in the subtotal, and says why each other line is unavailable', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee'); // $28.00
    const socks = await productBySlug(shop, 'merino-wool-crew-socks-3-pack');
    const tank = await productBySlug(shop, 'ribbed-tank-top');
    const { guest, html } = await cartPage(
      [
        [tee.slug, 3],
        [socks.slug, 2],
        [tank.slug, 1],
      ],
      () => Promise.all([setProduct(socks.slug, { stock: 0 }), setProduct(tank.slug, { active: 0 })]),
    );
    await Promise.all([setProduct(socks.slug, { stock: socks.stock }), setProduct(tank.slug, { active: 1 })]);

    expect(badge(html)).toBe('6');
    expect(summary(html)).toContain('Subtotal (3 items) $84.00');
    expect(summary(html)).toContain('Unavailable items are not included in the subtotal.');
    const [teeLine, socksLine, tankLine] = lines(html);
    expect(teeLine).not.toMatch(/Sold out|No longer sold|left/);
    expect(socksLine).toStartWith(`${socks.name} — $32.00 each Sold out Quantity 2 Remove`);
    expect(tankLine).toStartWith(`${tank.name} — $19.00 each No longer sold Quantity 1 Remove`);
    expect(html).not.toContain('Checkout needs a change first');
    expect((await guest.trpc('cart.get')).body.result.data.itemCount).toBe(6);
  });

  it('says "1 item" for a single unit', async () => {
    const { html } = await cartPage([['organic-cotton-pocket-tee', 1]]);
    expect(summary(html)).toContain('Subtotal (1 item) $28.00');
  });

  it('warns on a line holding more than the stock left, keeps it charged, and says checkout needs it fixed', async () => {
    const fleece = await productBySlug(shop, 'quarter-zip-fleece-sweatshirt'); // 3 in stock
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const { guest, html } = await cartPage(
      [
        [fleece.slug, 3],
        [tee.slug, 1],
      ],
      () => setProduct(fleece.slug, { stock: 1 }),
    );
    try {
      const [fleeceLine, teeLine] = lines(html);
      expect(fleeceLine).toContain('Only 1 left — lower the quantity');
      expect(teeLine).not.toContain('left');
      // The line is still charged at what is in the cart, and the quantity was not changed.
      expect(fleeceLine).toContain(`${fleece.name} ${formatMoney(fleece.priceCents * 3)}`);
      expect(html).toContain(`value="3"`);
      expect(summary(html)).toContain(`Subtotal (4 items) ${formatMoney(fleece.priceCents * 3 + tee.priceCents)}`);
      expect(between(html, 'id="cart-attention"', '<a href')).toContain(
        `Checkout needs a change first Lower the quantity of ${fleece.name} to what we have left.`,
      );
      // The checkout link is still there, described by the warning; the quantity field points at its own warning.
      expect(html).toMatch(/<a href="\/sign-in\?next=\/checkout" aria-describedby="cart-attention"[^>]*>Checkout<\/a>/);
      const input = new RegExp(`<input[^>]* id="cart-quantity-${fleece.id}"[^>]*>`).exec(html)![0];
      // No `max`: more than is left gets the shop's own answer, not the browser's bubble.
      expect(input).not.toContain('max=');
      expect(input).toContain('aria-invalid="true"');
      expect(input).toContain(`aria-describedby="cart-stock-${fleece.id}"`);
      expect(html).toContain(`id="cart-stock-${fleece.id}"`);

      // Lowering the quantity with the line's own form clears the warnings.
      const set = await guest.fetch('/cart/set', form({ productId: fleece.id, quantity: 1, next: '/cart' }));
      expect(set.headers.get('location')).toBe('/cart?cart=updated');
      const fixed = await (await guest.fetch('/cart')).text();
      expect(fixed).not.toContain('lower the quantity');
      expect(fixed).not.toContain('Checkout needs a change first');
      expect(summary(fixed)).toContain(`Subtotal (2 items) ${formatMoney(fleece.priceCents + tee.priceCents)}`);
    } finally {
      await setProduct(fleece.slug, { stock: fleece.stock });
    }
  });
});

describe('the checkout page', () => {
  it('tells a signed-in shopper with an empty cart that there is nothing to check out and links back to the cart', async () => {
    const { cookie } = await shop.register();
    const cartPage = await (await shop.fetch('/cart', { headers: { cookie } })).text();
    expect(cartPage).toContain('Your cart is empty.');

    const res = await shop.fetch('/checkout', { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<title[^>]*>Checkout — GoMall<\/title>/);
    expect(html).toMatch(/<h1[^>]*>Checkout<\/h1>/);
    expect(words(html)).toContain('There is nothing to check out');
    expect(words(html)).toContain('Your cart is empty.');
    expect(html).toMatch(/<a href="\/cart"[^>]*>Back to your cart<\/a>/);
    expect(html).not.toContain('action="/checkout/place-order"');
    expect(html).not.toContain("We couldn't find that page");
  });

  it('still sends a signed-out visitor to sign in first', async () => {
    const res = await browser(shop).fetch('/checkout');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fcheckout');
  });
});
