// Server-rendered pages: the HTML a visitor gets before any script runs.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedCategories, seedProducts } from '../db/seed/catalog-data.ts';
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

describe('home page', () => {
  it('renders categories and featured products into the HTML', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('<title');
    for (const category of seedCategories) expect(html).toContain(`href="/category/${category.slug}"`);
    const featured = seedProducts.filter((p) => p.featured);
    for (const product of featured) expect(html).toContain(escaped(product.name));
    expect(html).toContain('<div id="app">');
    expect(html).toContain('_$HY');
  });
});

describe('category page', () => {
  it('lists the category products, sorted, with pagination links', async () => {
    const expected = seedProducts.filter((p) => p.categories.includes('apparel'));
    const { status, html } = await page('/category/apparel?sort=price_asc');
    expect(status).toBe(200);
    const cheapest = [...expected].sort((a, b) => a.priceCents - b.priceCents)[0]!;
    expect(html).toContain(escaped(cheapest.name));
    const notApparel = seedProducts.find((p) => !p.categories.includes('apparel'))!;
    expect(html).not.toContain(`/product/${notApparel.slug}"`);
    expect(html).toContain(`${expected.length} products`);
    expect(html).toMatch(/value="price_asc" selected/);
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
