// Server-rendered pages: the HTML a visitor gets before any script runs.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedCategories, seedProducts } from '../db/seed/catalog-data.ts';
import { createTestShop, type TestShop } from '../server/testing/test-shop.ts';

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

  it('pages with plain links and shows the second page server-side', async () => {
    const all = (await shop.caller().product.list({ pageSize: 100, sort: 'name' })).items;
    const { html } = await page('/category/home-kitchen?sort=name&page=1');
    const inCategory = (await shop.caller().product.list({ category: 'home-kitchen', sort: 'name', pageSize: 100 })).items;
    expect(all.length).toBeGreaterThan(0);
    if (inCategory.length > 24) {
      expect(html).toContain('aria-label="Pagination"');
      const second = await page('/category/home-kitchen?sort=name&page=2');
      expect(second.html).toContain(escaped(inCategory[24]!.name));
    } else {
      expect(html).not.toContain('aria-label="Pagination"');
    }
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
