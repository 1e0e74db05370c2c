// Server-rendered pages: the HTML a visitor gets before any script runs.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedCategories, seedProducts } from '../server/seed/catalog-data.ts';
import type { ProductSummary as Item } from '../routers/product/queries.ts';
import { ADMIN, createTestShop, type TestShop } from '../server/testing/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const page = async (path: string) => {
  const res = await shop.fetch(path);
  return { status: res.status, html: await res.text() };
};
const escaped = (text: string) => text.replaceAll('&', '&amp;');
/** Product slugs of the cards on a listing page, in order. */
const cardSlugs = (html: string) => [...html.matchAll(/<li[^>]*class="product-card[\s\S]*?href="\/product\/([a-z0-9-]+)"/g)].map((m) => m[1]);

describe('home page', () => {
  it('renders categories and featured products into the HTML', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('<title');
    for (const category of seedCategories) expect(html).toContain(`href="/category/${category.slug}"`);
    const featured = seedProducts.filter((p) => p.featured);
    for (const product of featured) expect(html).toContain(escaped(product.name));
    expect(html).toContain('<div id="app" data-path="/">');
    expect(html).toContain('_$HY');
  });

  it('shows the products an admin features, newest featured first, then other products to fill the grid', async () => {
    // A shop of its own: the products made here would change the other tests' listings.
    const own = await createTestShop();
    try {
      const admin = own.caller(ADMIN).admin.product;
      const homeCards = async () => cardSlugs(await (await own.fetch('/')).text());
      const seeded = seedProducts.filter((p) => p.featured).map((p) => p.slug);
      expect((await homeCards()).sort()).toEqual([...seeded].sort());

      const lamp = await admin.create({ name: 'Brass Reading Lamp', priceCents: 8900, categories: ['home-kitchen'], stock: 5, featured: true });
      own.clock.advance(60_000);
      const stool = await admin.create({ name: 'Oak Step Stool', priceCents: 5400, categories: ['home-kitchen'], stock: 5, featured: true });
      const plain = await admin.create({ name: 'Plain Tin Box', priceCents: 900, categories: ['home-kitchen'], stock: 5 });
      const cards = await homeCards();
      expect(cards.slice(0, 2)).toEqual([stool.slug, lamp.slug]);
      expect(cards).toHaveLength(12);
      expect(cards).not.toContain(plain.slug);
      // An existing product featured later shows too (before older featured products).
      own.clock.advance(60_000);
      const { id } = await own.caller().product.get({ slug: 'ribbed-tank-top' });
      await admin.update({ id, featured: true });
      expect((await homeCards()).slice(0, 3)).toEqual(['ribbed-tank-top', stool.slug, lamp.slug]);
      // Saving a featured product again (the edit form always sends the box) keeps its place.
      own.clock.advance(60_000);
      await admin.update({ id: lamp.id, name: 'Brass Reading Lamp', featured: true });
      expect((await homeCards()).slice(0, 3)).toEqual(['ribbed-tank-top', stool.slug, lamp.slug]);

      // Fewer featured products than the grid holds: the rest is filled with other products, none twice.
      for (const slug of [...seeded, stool.slug, lamp.slug, 'ribbed-tank-top'].slice(2)) {
        const product = await own.caller().product.get({ slug });
        await admin.update({ id: product.id, featured: false });
      }
      const filled = await homeCards();
      expect(filled.slice(0, 2).sort()).toEqual(seeded.slice(0, 2).sort());
      expect(filled).toHaveLength(12);
      expect(new Set(filled).size).toBe(12);
    } finally {
      await own.close();
    }
  });
});

describe('category page', () => {
  it('lists the category products in the chosen order', async () => {
    const { items } = await shop.caller().product.list({ category: 'apparel', pageSize: 100 });
    expect(new Set(items.map((p) => p.priceCents)).size).toBeGreaterThan(1);
    // Each order as the shopper expects it, ties broken by catalog order (id).
    const orders = {
      price_asc: (a: Item, b: Item) => a.priceCents - b.priceCents || a.id - b.id,
      price_desc: (a: Item, b: Item) => b.priceCents - a.priceCents || a.id - b.id,
      name: (a: Item, b: Item) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id),
    };
    for (const [sort, order] of Object.entries(orders)) {
      const { status, html } = await page(`/category/apparel?sort=${sort}`);
      expect(status).toBe(200);
      expect({ sort, cards: cardSlugs(html) }).toEqual({ sort, cards: [...items].sort(order).map((p) => p.slug) });
      expect(html).toContain(`${items.length} products`);
      expect(html).toMatch(new RegExp(`value="${sort}" selected`));
    }
  });

  it('shows no pagination for one page, and plain page links once a category outgrows 24 products', async () => {
    expect((await page('/category/home-kitchen?sort=name')).html).not.toContain('aria-label="Pagination"');
    const admin = shop.caller(ADMIN).admin.product;
    for (let i = 1; i <= 12; i++) {
      await admin.create({ name: `Zinc Storage Tin ${String(i).padStart(2, '0')}`, priceCents: 1200, categories: ['home-kitchen'], stock: 10 });
    }
    const inCategory = (await shop.caller().product.list({ category: 'home-kitchen', sort: 'name', pageSize: 100 })).items;
    expect(inCategory.length).toBeGreaterThan(24);
    const first = await page('/category/home-kitchen?sort=name');
    expect(first.html).toContain('aria-label="Pagination"');
    expect(first.html).toContain('href="/category/home-kitchen?sort=name&amp;page=2"');
    expect(first.html).not.toContain(escaped(inCategory[24]!.name));
    const second = await page('/category/home-kitchen?sort=name&page=2');
    expect(second.html).toContain(escaped(inCategory[24]!.name));
    expect(second.html).not.toContain(escaped(inCategory[0]!.name));
    expect(second.html).toMatch(/aria-current="page"[^>]*>2</);
  });

  it('answers an unknown category with a 404 page', async () => {
    const { status, html } = await page('/category/does-not-exist');
    expect(status).toBe(404);
    expect(html).toContain('There is no such category.');
  });

  it('answers an unknown path with a 404 page', async () => {
    const { status, html } = await page('/no/such/page');
    expect(status).toBe(404);
    expect(html).toContain('find that page');
  });
});
