// product.related: what a product page offers beside (or instead of) its product; product.get's pictures.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { seedProducts } from '../../server/seed/catalog-data.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const categoriesOf = (slug: string) => seedProducts.find((p) => p.slug === slug)!.categories;

describe('product.related', () => {
  it('lists other products of the same categories, never the product itself, four by default', async () => {
    const related = await shop.caller().product.related({ slug: 'stoneware-diner-mug' });
    expect(related).toHaveLength(4);
    const mugCategories = categoriesOf('stoneware-diner-mug');
    for (const p of related) {
      expect(p.slug).not.toBe('stoneware-diner-mug');
      expect(categoriesOf(p.slug).some((c) => mugCategories.includes(c))).toBe(true);
    }
  });

  it('shows the newest products of the category first', async () => {
    const related = await shop.caller().product.related({ slug: 'stoneware-diner-mug', limit: 12 });
    const inStock = related.filter((p) => p.stock > 0).map((p) => p.id);
    expect(inStock).toEqual([...inStock].sort((a, b) => b - a));
    const api = shop.caller(ADMIN);
    const newer = await api.admin.product.create({ name: 'Speckled Espresso Cup', priceCents: 1400, stock: 9, categories: [categoriesOf('stoneware-diner-mug')[0]!] });
    try {
      expect((await shop.caller().product.related({ slug: 'stoneware-diner-mug' }))[0]!.id).toBe(newer.id);
    } finally {
      await api.admin.product.archive({ id: newer.id });
    }
  });

  it('puts products in stock before sold-out ones', async () => {
    const related = await shop.caller().product.related({ slug: 'canvas-low-top-sneakers', limit: 12 });
    expect(related.some((p) => p.stockStatus === 'out_of_stock')).toBe(true);
    const firstSoldOut = related.findIndex((p) => p.stock === 0);
    expect(related.slice(firstSoldOut).every((p) => p.stock === 0)).toBe(true);
  });

  it('offers a sold-out product in-stock alternatives from its category', async () => {
    const related = await shop.caller().product.related({ slug: 'garment-dyed-hooded-sweatshirt', limit: 3 });
    expect(related).toHaveLength(3);
    for (const p of related) {
      expect(p.stock).toBeGreaterThan(0);
      expect(categoriesOf(p.slug)).toContain('apparel');
    }
  });

  it('leaves out archived products, and answers an unknown product with none', async () => {
    const api = shop.caller(ADMIN);
    const { id } = await api.product.get({ slug: 'sandalwood-beard-oil' });
    await api.admin.product.archive({ id });
    try {
      const related = await api.product.related({ slug: 'beeswax-lip-balm', limit: 12 });
      expect(related.map((p) => p.slug)).not.toContain('sandalwood-beard-oil');
    } finally {
      await api.admin.product.unarchive({ id });
    }
    expect(await api.product.related({ slug: 'no-such-product' })).toEqual([]);
  });

  it('refuses a limit outside 1 to 12', async () => {
    for (const limit of [0, 13, 2.5]) {
      const res = await shop.fetch(`/trpc/product.related?input=${encodeURIComponent(JSON.stringify({ slug: 'stoneware-diner-mug', limit }))}`);
      expect(res.status).toBe(400);
    }
  });
});

describe('product.get pictures', () => {
  it('gives a generated picture in every view, each with its alt text, the first being imageUrl', async () => {
    const mug = await shop.caller().product.get({ slug: 'stoneware-diner-mug' });
    expect(mug.images).toEqual([
      { url: '/img/products/stoneware-diner-mug.svg', alt: 'Stoneware Diner Mug' },
      { url: '/img/products/stoneware-diner-mug.2.svg', alt: 'Stoneware Diner Mug, close-up' },
      { url: '/img/products/stoneware-diner-mug.3.svg', alt: 'Stoneware Diner Mug, pattern in its colourway' },
      { url: '/img/products/stoneware-diner-mug.4.svg', alt: 'Stoneware Diner Mug, on a shelf' },
    ]);
    expect(mug.images[0]!.url).toBe(mug.imageUrl);
  });

  it('gives only the picture an admin chose in place of the generated one', async () => {
    const api = shop.caller(ADMIN);
    const created = await api.admin.product.create({
      name: 'Framed Print',
      description: 'A print with its own photograph.',
      priceCents: 2500,
      categories: ['home-kitchen'],
      stock: 5,
      imageUrl: '/img/products/stoneware-diner-mug.svg',
    });
    const print = await api.product.get({ id: created.id });
    expect(print.images).toEqual([{ url: '/img/products/stoneware-diner-mug.svg', alt: 'Framed Print' }]);
  });
});
