import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, CUSTOMER, type TestShop } from '../../server/testing/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const admin = () => shop.caller(ADMIN).admin;
const shopper = () => shop.caller().product;

let counter = 0;
/** A fresh product with the given stock, created through the admin API. */
async function newProduct(fields: { stock?: number; name?: string; categories?: string[] } = {}) {
  counter++;
  return admin().product.create({
    name: fields.name ?? `Test Widget ${counter}`,
    description: 'A widget made for tests.',
    priceCents: 1000 + counter,
    categories: fields.categories ?? ['outdoor'],
    stock: fields.stock ?? 0,
  });
}

describe('admin access', () => {
  const calls: [string, (api: ReturnType<TestShop['caller']>) => Promise<unknown>][] = [
    ['admin.me', (api) => api.admin.me()],
    ['admin.product.list', (api) => api.admin.product.list()],
    ['admin.product.get', (api) => api.admin.product.get({ id: 1 })],
    ['admin.product.create', (api) => api.admin.product.create({ name: 'Nope', priceCents: 100 })],
    ['admin.product.update', (api) => api.admin.product.update({ id: 1, name: 'Nope' })],
    ['admin.product.archive', (api) => api.admin.product.archive({ id: 1 })],
    ['admin.product.unarchive', (api) => api.admin.product.unarchive({ id: 1 })],
    ['admin.product.setStock', (api) => api.admin.product.setStock({ id: 1, stock: 0 })],
    ['admin.product.adjustStock', (api) => api.admin.product.adjustStock({ id: 1, delta: -1, reason: 'x' })],
    ['admin.category.create', (api) => api.admin.category.create({ name: 'Nope' })],
    ['admin.category.update', (api) => api.admin.category.update({ id: 1, name: 'Nope' })],
  ];

  it('refuses signed-out callers with UNAUTHORIZED and customers with FORBIDDEN', async () => {
    for (const [name, call] of calls) {
      await expect(call(shop.caller(null)), name).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(call(shop.caller(CUSTOMER)), name).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // Nothing changed.
    const first = await admin().product.get({ id: 1 });
    expect(first.name).not.toBe('Nope');
    expect(first.stockHistory).toEqual([]);
  });

  it('answers a signed-out HTTP request with 401', async () => {
    const res = await shop.fetch('/trpc/admin.product.list');
    expect(res.status).toBe(401);
  });
});

describe('admin.product.create and update', () => {
  it('creates a product that shoppers can find, with a slug made from its name', async () => {
    const created = await admin().product.create({
      name: 'Crème Fraîche Crock',
      description: 'A stoneware crock for cultured cream.',
      priceCents: 2450,
      categories: ['home-kitchen', 'pantry'],
      stock: 7,
    });
    expect(created).toMatchObject({
      slug: 'creme-fraiche-crock',
      imageUrl: '/img/products/creme-fraiche-crock.svg',
      active: true,
      stock: 7,
      stockStatus: 'in_stock',
      currency: 'USD',
      categories: [{ slug: 'home-kitchen' }, { slug: 'pantry' }],
    });
    expect(await shopper().get({ slug: 'creme-fraiche-crock' })).toMatchObject({ id: created.id, priceCents: 2450 });
    expect((await shopper().search({ q: 'fraiche' })).items.map((p) => p.slug)).toEqual(['creme-fraiche-crock']);
    const history = (await admin().product.get({ id: created.id })).stockHistory;
    expect(history).toMatchObject([{ delta: 7, stockAfter: 7, reason: 'Initial stock', actorUserId: 1 }]);
  });

  it('numbers a generated slug that is taken, and refuses a chosen slug that is taken', async () => {
    const again = await admin().product.create({ name: 'Crème Fraîche Crock', priceCents: 100 });
    expect(again.slug).toBe('creme-fraiche-crock-2');
    await expect(admin().product.create({ name: 'Other', slug: 'creme-fraiche-crock', priceCents: 100 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(admin().product.update({ id: again.id, slug: 'creme-fraiche-crock' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('updates every field and keeps search in step with the new name', async () => {
    const product = await newProduct({ name: 'Periwinkle Gadget' });
    expect((await shopper().search({ q: 'periwinkle' })).total).toBe(1);
    const updated = await admin().product.update({
      id: product.id,
      name: 'Vermilion Gizmo',
      slug: 'vermilion-gizmo',
      description: 'Now in red.',
      priceCents: 999,
      categories: ['toys-games'],
      imageUrl: 'https://images.example.com/gizmo.png',
      active: true,
    });
    expect(updated).toMatchObject({
      name: 'Vermilion Gizmo',
      slug: 'vermilion-gizmo',
      description: 'Now in red.',
      priceCents: 999,
      categories: [{ slug: 'toys-games', name: 'Toys & Games' }],
      imageUrl: 'https://images.example.com/gizmo.png',
    });
    expect((await shopper().search({ q: 'periwinkle' })).total).toBe(0);
    expect((await shopper().search({ q: 'vermil' })).items.map((p) => p.slug)).toEqual(['vermilion-gizmo']);
    await expect(shopper().get({ slug: product.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('moves a generated picture along with a new slug', async () => {
    const product = await newProduct({ name: 'Picture Mover' });
    const moved = await admin().product.update({ id: product.id, slug: 'picture-moved' });
    expect(moved.imageUrl).toBe('/img/products/picture-moved.svg');
  });

  it('rejects unknown categories, unsafe images and bad prices with readable messages', async () => {
    await expect(admin().product.create({ name: 'X', priceCents: 1, categories: ['nope'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no category "nope".',
    });
    await expect(admin().product.create({ name: 'X', priceCents: 1, imageUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin().product.create({ name: 'X', priceCents: -5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'must not be negative',
    });
    await expect(admin().product.create({ name: '   ', priceCents: 5 })).rejects.toMatchObject({ message: 'must not be empty' });
    await expect(admin().product.update({ id: 999_999, name: 'Ghost' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('archiving', () => {
  it('hides an archived product from list, get, search, suggestions and category counts, and brings it back', async () => {
    const product = await newProduct({ name: 'Tangerine Lantern', categories: ['outdoor'], stock: 3 });
    const outdoorCount = async () => (await shopper().categories()).find((c) => c.slug === 'outdoor')!.productCount;
    const visible = async () => ({
      list: (await shopper().list({ category: 'outdoor', pageSize: 100 })).items.some((p) => p.id === product.id),
      search: (await shopper().search({ q: 'tangerine' })).total === 1,
      suggest: (await shopper().suggest({ q: 'tanger' })).length === 1,
      get: await shopper()
        .get({ id: product.id })
        .then(() => true)
        .catch((e) => (e.code === 'NOT_FOUND' ? false : Promise.reject(e))),
    });
    const countBefore = await outdoorCount();
    expect(await visible()).toEqual({ list: true, search: true, suggest: true, get: true });

    const archived = await admin().product.archive({ id: product.id });
    expect(archived.active).toBe(false);
    expect(await visible()).toEqual({ list: false, search: false, suggest: false, get: false });
    expect(await outdoorCount()).toBe(countBefore - 1);
    expect((await admin().product.list({ q: 'tangerine' })).total).toBe(0);
    expect((await admin().product.list({ q: 'tangerine', includeArchived: true })).items).toMatchObject([{ id: product.id, active: false }]);

    await admin().product.unarchive({ id: product.id });
    expect(await visible()).toEqual({ list: true, search: true, suggest: true, get: true });
    expect(await outdoorCount()).toBe(countBefore);
  });
});

describe('stock', () => {
  it('adjusts stock up and down and records who, how much, why and when', async () => {
    const product = await newProduct({ stock: 0 });
    await admin().product.adjustStock({ id: product.id, delta: 10, reason: 'Delivery from supplier' });
    shop.clock.advance(60_000);
    const result = await admin().product.adjustStock({ id: product.id, delta: -4, reason: 'Damaged in storage' });
    expect(result.stock).toBe(6);
    const { stock, stockHistory } = await admin().product.get({ id: product.id });
    expect(stock).toBe(6);
    expect(stockHistory).toMatchObject([
      { actorUserId: 1, delta: -4, reason: 'Damaged in storage', stockAfter: 6, createdAt: shop.clock.now() },
      { actorUserId: 1, delta: 10, reason: 'Delivery from supplier', stockAfter: 10, createdAt: shop.clock.now() - 60_000 },
    ]);
  });

  it('refuses an adjustment that would go below zero and leaves stock unchanged', async () => {
    const product = await newProduct({ stock: 2 });
    await expect(admin().product.adjustStock({ id: product.id, delta: -3, reason: 'Miscount' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Only 2 in stock: cannot remove 3.',
    });
    const after = await admin().product.get({ id: product.id });
    expect(after.stock).toBe(2);
    expect(after.stockHistory).toHaveLength(1);
  });

  it('sells exactly the units in stock when 20 removals of one race for 5 units', async () => {
    const product = await newProduct({ stock: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => admin().product.adjustStock({ id: product.id, delta: -1, reason: 'Sold at market stall' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_REQUEST' });
    }
    const after = await admin().product.get({ id: product.id });
    expect(after.stock).toBe(0);
    expect(after.stockStatus).toBe('out_of_stock');
    expect(after.stockHistory.filter((h) => h.delta === -1).map((h) => h.stockAfter).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('sets a counted stock, recording the difference, and refuses negative counts', async () => {
    const product = await newProduct({ stock: 8 });
    const set = await admin().product.setStock({ id: product.id, stock: 3, reason: 'Stocktake' });
    expect(set).toMatchObject({ stock: 3, adjustment: { delta: -5, stockAfter: 3, reason: 'Stocktake' } });
    expect((await admin().product.setStock({ id: product.id, stock: 3 })).adjustment).toBeNull();
    await expect(admin().product.setStock({ id: product.id, stock: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await shopper().get({ id: product.id })).stockStatus).toBe('low_stock');
  });

  it('requires a reason and a non-zero whole delta', async () => {
    await expect(admin().product.adjustStock({ id: 1, delta: 1, reason: '  ' })).rejects.toMatchObject({
      message: 'say why the stock changed',
    });
    await expect(admin().product.adjustStock({ id: 1, delta: 0, reason: 'x' })).rejects.toMatchObject({ message: 'must not be zero' });
    await expect(admin().product.adjustStock({ id: 1, delta: 1.5, reason: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin().product.adjustStock({ id: 999_999, delta: 1, reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the database CHECK as the last line of defence', async () => {
    await expect(shop.db.updateTable('products').set({ stock: -1 }).where('id', '=', 1).execute()).rejects.toThrow();
  });
});

describe('admin.product.list', () => {
  it('searches, filters low stock (sold out included) and pages', async () => {
    const low = await admin().product.list({ lowStock: true, pageSize: 100 });
    expect(low.total).toBeGreaterThan(0);
    expect(low.items.every((p) => p.stock <= shop.config.lowStockThreshold)).toBe(true);
    expect(low.items.some((p) => p.stock === 0)).toBe(true);
    const stocks = low.items.map((p) => p.stock);
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b));

    const found = await admin().product.list({ q: 'sweatshirt' });
    expect(found.items.map((p) => p.name)).toContain('Garment-Dyed Hooded Sweatshirt');

    const page1 = await admin().product.list({ pageSize: 10 });
    const page2 = await admin().product.list({ pageSize: 10, page: 2 });
    expect(page1.items.map((p) => p.id)).not.toContain(page2.items[0]!.id);
    expect((await admin().product.list({ page: 999 })).items).toEqual([]);
  });

  it('sorts by name, price, stock, status and last update, either way, equal values by name then id', async () => {
    // Two archived products and a price and stock shared with a twin, so ties and both statuses show.
    const archived = await newProduct({ name: 'Sorting Archived Lamp', stock: 3 });
    await admin().product.archive({ id: archived.id });
    const twin = await newProduct({ name: 'Sorting Twin', stock: 3 });
    await admin().product.update({ id: twin.id, priceCents: 1500 });
    await admin().product.update({ id: (await newProduct({ name: 'Sorting Twin', stock: 3 })).id, priceCents: 1500 });

    type Sort = 'name' | 'price' | 'stock' | 'status' | 'updated';
    /** Every product in the given order, read page by page as the list page does. */
    const all = async (sort: Sort, dir: 'asc' | 'desc') => {
      const items = [];
      for (let page = 1; ; page++) {
        const found = await admin().product.list({ includeArchived: true, sort, dir, pageSize: 40, page });
        items.push(...found.items);
        if (items.length >= found.total || found.items.length === 0) return items;
      }
    };
    const key = { name: 'name', price: 'priceCents', stock: 'stock', status: 'active', updated: 'updatedAt' } as const;
    const { total } = await admin().product.list({ includeArchived: true, pageSize: 1 });
    for (const sort of ['name', 'price', 'stock', 'status', 'updated'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const items = await all(sort, dir);
        expect(items).toHaveLength(total);
        const expected = [...items].sort((a, b) => {
          const [x, y] = [a[key[sort]], b[key[sort]]];
          const primary = x < y ? -1 : x > y ? 1 : 0;
          return (dir === 'asc' ? primary : -primary) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id - b.id;
        });
        expect(items.map((p) => p.id), `${sort} ${dir}`).toEqual(expected.map((p) => p.id));
        // The same order on every read.
        expect((await all(sort, dir)).map((p) => p.id)).toEqual(items.map((p) => p.id));
      }
    }
    expect((await all('status', 'asc'))[0]!.active).toBe(false);
    expect((await all('status', 'desc'))[0]!.active).toBe(true);
    // Filters still apply under any sort.
    const low = await admin().product.list({ lowStock: true, sort: 'price', dir: 'desc', pageSize: 100 });
    expect(low.items.every((p) => p.stock <= shop.config.lowStockThreshold && p.active)).toBe(true);
    expect(low.items.map((p) => p.priceCents)).toEqual(low.items.map((p) => p.priceCents).sort((a, b) => b - a));
  });

  it('refuses a sort it does not know, saying which ones it does', async () => {
    const bad = { sort: 'priceCents; drop table products' } as unknown as Parameters<ReturnType<typeof admin>['product']['list']>[0];
    await expect(admin().product.list(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'must be one of name, price, stock, status, updated' });
    const sideways = { sort: 'price', dir: 'sideways' } as unknown as Parameters<ReturnType<typeof admin>['product']['list']>[0];
    await expect(admin().product.list(sideways)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'must be one of asc, desc' });
    // Over HTTP the message names the field.
    const account = await shop.register();
    await shop.makeAdmin(account.email);
    const res = await shop.fetch(`/trpc/admin.product.list?input=${encodeURIComponent(JSON.stringify({ sort: 'color' }))}`, { headers: { cookie: account.cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe('sort: must be one of name, price, stock, status, updated');
  });
});

describe('one shop currency', () => {
  it('prices every product in USD, so cart totals never mix currencies', async () => {
    const input = { name: 'Euro Espresso Cup', priceCents: 900, currency: 'EUR' } as Parameters<ReturnType<typeof admin>['product']['create']>[0];
    const created = await admin().product.create(input);
    expect(created.currency).toBe('USD');
  });
});

describe('admin.category', () => {
  it('creates and renames a category shoppers then see', async () => {
    const created = await admin().category.create({ name: 'Garden & Patio', description: 'Things for outside.' });
    expect(created).toMatchObject({ slug: 'garden-patio', name: 'Garden & Patio' });
    const categories = await shopper().categories();
    expect(categories.at(-1)).toMatchObject({ slug: 'garden-patio', productCount: 0 });
    await admin().category.update({ id: created.id, name: 'Garden', slug: 'garden' });
    expect((await shopper().categories()).at(-1)).toMatchObject({ slug: 'garden', name: 'Garden' });
    await expect(admin().category.update({ id: created.id, slug: 'books' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin().category.update({ id: 999_999, name: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An update that changes nothing answers with the category as it is.
    expect(await admin().category.update({ id: created.id })).toMatchObject({ slug: 'garden', name: 'Garden' });
    await expect(admin().category.update({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
