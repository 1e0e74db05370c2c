import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { seedCategories, seedProducts } from '../../server/seed/catalog-data.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const trpcGet = async (path: string, input: unknown) => {
  const res = await shop.fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('product.list', () => {
  it('pages through every active product exactly once', async () => {
    const api = shop.caller();
    const first = await api.product.list({ pageSize: 50 });
    expect(first.total).toBe(seedProducts.length);
    expect(first.items).toHaveLength(50);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(first.total / 50); page++) {
      for (const item of (await api.product.list({ page, pageSize: 50 })).items) seen.add(item.slug);
    }
    expect(seen.size).toBe(seedProducts.length);
  });

  it('returns an empty page past the end, not an error', async () => {
    const result = await shop.caller().product.list({ page: 999, pageSize: 24 });
    expect(result).toMatchObject({ items: [], total: seedProducts.length, page: 999, pageSize: 24 });
  });

  it('defaults to 24 featured-first products', async () => {
    const result = await shop.caller().product.list();
    expect(result.pageSize).toBe(24);
    expect(result.items).toHaveLength(24);
    const featured = new Set(seedProducts.filter((p) => p.featured).map((p) => p.slug));
    expect(result.items.slice(0, featured.size).every((p) => featured.has(p.slug))).toBe(true);
  });

  it('filters by category and sorts by price both ways', async () => {
    const api = shop.caller();
    const expected = seedProducts.filter((p) => p.categories.includes('coffee-tea'));
    const asc = await api.product.list({ category: 'coffee-tea', sort: 'price_asc', pageSize: 100 });
    expect(asc.total).toBe(expected.length);
    expect(asc.items.map((p) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    const prices = asc.items.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = await api.product.list({ category: 'coffee-tea', sort: 'price_desc', pageSize: 100 });
    expect(desc.items.map((p) => p.priceCents)).toEqual([...prices].reverse());
  });

  it('reports stock status with the low-stock threshold', async () => {
    const { items } = await shop.caller().product.list({ pageSize: 100, sort: 'name' });
    for (const item of items) {
      const expected = item.stock === 0 ? 'out_of_stock' : item.stock <= shop.config.lowStockThreshold ? 'low_stock' : 'in_stock';
      expect(item.stockStatus).toBe(expected);
    }
    expect(items.some((p) => p.stockStatus === 'out_of_stock')).toBe(true);
    expect(items.some((p) => p.stockStatus === 'low_stock')).toBe(true);
  });

  it('takes the low-stock threshold from LOW_STOCK_THRESHOLD', async () => {
    const strict = await createTestShop({ env: { LOW_STOCK_THRESHOLD: '2' } });
    try {
      const { id } = await strict.caller().product.get({ slug: 'heavyweight-crewneck-sweatshirt' });
      const statusAt = async (stock: number) => {
        await strict.caller(ADMIN).admin.product.setStock({ id, stock });
        return (await strict.caller().product.get({ id })).stockStatus;
      };
      // Under the default threshold of 5, a stock of 3 would be low.
      expect(await statusAt(3)).toBe('in_stock');
      expect(await statusAt(2)).toBe('low_stock');
    } finally {
      await strict.close();
    }
  });

  it('rejects an unknown category with NOT_FOUND', async () => {
    await expect(shop.caller().product.list({ category: 'no-such-thing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers bad input over HTTP with 400 and a message naming the field', async () => {
    for (const [input, text] of [
      [{ pageSize: -1 }, 'pageSize: must be at least 1'],
      [{ pageSize: 'abc' }, 'pageSize: must be a number'],
      [{ pageSize: 101 }, 'pageSize: must be at most 100'],
      [{ page: 1.5 }, 'page: must be a whole number'],
      [{ page: 1e300 }, 'page: must be at most 1,000,000'],
      [{ sort: 'cheapest' }, 'sort: must be one of'],
    ] as const) {
      const { status, body } = await trpcGet('product.list', input);
      expect(status).toBe(400);
      expect(body.error.message).toContain(text);
      expect(body.error.data.issues[0].path).toBe(Object.keys(input)[0]!);
      expect(JSON.stringify(body)).not.toContain('node_modules');
    }
  });

  it('serves five products as plain JSON over HTTP, to the URL `curl -g` sends', async () => {
    const res = await shop.fetch('/trpc/product.list?input={"pageSize":5}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.result.data.items).toHaveLength(5);
    expect(body.result.data.items[0]).toHaveProperty('priceCents');
  });
});

describe('product.get', () => {
  it('returns a product by slug or id with its categories and stock status', async () => {
    const seed = seedProducts.find((p) => p.slug === 'quarter-zip-fleece-sweatshirt')!;
    const bySlug = await shop.caller().product.get({ slug: seed.slug });
    expect(bySlug).toMatchObject({
      slug: seed.slug,
      name: seed.name,
      description: seed.description,
      priceCents: seed.priceCents,
      currency: 'USD',
      stock: seed.stock,
      stockStatus: 'low_stock',
      categories: [{ slug: 'apparel', name: 'Apparel' }],
    });
    expect(await shop.caller().product.get({ id: bySlug.id })).toEqual(bySlug);
    expect((await shop.caller().product.get({ slug: 'garment-dyed-hooded-sweatshirt' })).stockStatus).toBe('out_of_stock');
    expect((await shop.caller().product.get({ slug: 'heavyweight-crewneck-sweatshirt' })).stockStatus).toBe('in_stock');
  });

  it('answers NOT_FOUND for an unknown product', async () => {
    await expect(shop.caller().product.get({ slug: 'no-such-product' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(shop.caller().product.get({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { status } = await trpcGet('product.get', { slug: 'no-such-product' });
    expect(status).toBe(404);
  });
});

describe('product.categories', () => {
  it('describes every category as it was created', async () => {
    const descriptions = (list: { slug: string; description: string }[]) => Object.fromEntries(list.map((c) => [c.slug, c.description]));
    expect(descriptions(await shop.caller().product.categories())).toEqual(descriptions(seedCategories));
  });

  it('counts active products per category and forgets archived ones', async () => {
    const before = await shop.caller().product.categories();
    expect(before.length).toBeGreaterThanOrEqual(8);
    for (const category of before) {
      expect(category.productCount).toBe(seedProducts.filter((p) => p.categories.includes(category.slug)).length);
    }
    const victim = seedProducts.find((p) => p.categories[0] === 'books')!;
    await shop.db.updateTable('products').set({ active: 0 }).where('slug', '=', victim.slug).execute();
    const after = await shop.caller().product.categories();
    const books = (list: typeof after) => list.find((c) => c.slug === 'books')!.productCount;
    expect(books(after)).toBe(books(before) - 1);
    const listed = await shop.caller().product.list({ category: 'books', pageSize: 100 });
    expect(listed.items.map((p) => p.slug)).not.toContain(victim.slug);
    await shop.db.updateTable('products').set({ active: 1 }).where('slug', '=', victim.slug).execute();
  });
});

describe('product images', () => {
  it('draws an SVG for every product locally', async () => {
    const { items } = await shop.caller().product.list({ pageSize: 3 });
    for (const item of items) {
      const res = await shop.fetch(item.imageUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      expect(await res.text()).toStartWith('<svg');
    }
    expect((await shop.fetch('/img/products/..%2Fetc.svg')).status).toBe(404);
  });
});
