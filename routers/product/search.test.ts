import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedProducts } from '../../server/seed/catalog-data.ts';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import type { HighlightSegment } from './search.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const search = (input: Parameters<ReturnType<TestShop['caller']>['product']['search']>[0]) => shop.caller().product.search(input);
const slugs = (items: { slug: string }[]) => items.map((p) => p.slug);
const marked = (segments: HighlightSegment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());
const SWEATSHIRTS = ['heavyweight-crewneck-sweatshirt', 'garment-dyed-hooded-sweatshirt', 'quarter-zip-fleece-sweatshirt'];

describe('product.search ranking', () => {
  it('ranks products named "Sweatshirt" above a laundry bag whose description mentions one', async () => {
    const { items } = await search({ q: 'sweatshirt' });
    expect(slugs(items.slice(0, 3)).sort()).toEqual([...SWEATSHIRTS].sort());
    expect(slugs(items)).toContain('zippered-mesh-laundry-bag');
    expect(slugs(items).indexOf('zippered-mesh-laundry-bag')).toBe(3);
  });

  it('ranks the headphones above the stand that only mentions headphones', async () => {
    const { items } = await search({ q: 'headphones' });
    expect(slugs(items)).toEqual(['noise-cancelling-wireless-headphones', 'aluminum-headset-stand']);
  });

  it('requires every word to match', async () => {
    const { items } = await search({ q: 'hooded sweatshirt' });
    expect(slugs(items)).toEqual(['garment-dyed-hooded-sweatshirt']);
  });
});

describe('product.search matching', () => {
  it('matches word prefixes: "sweat" finds every Sweatshirt', async () => {
    const { items } = await search({ q: 'sweat' });
    for (const slug of SWEATSHIRTS) expect(slugs(items)).toContain(slug);
    expect(slugs((await search({ q: 'headph' })).items)).toContain('noise-cancelling-wireless-headphones');
  });

  it('ignores case and diacritics, both in the query and in the product', async () => {
    for (const q of ['cafe creme', 'CAFÉ CRÈME', 'Café', 'cre\u0300me']) {
      expect(slugs((await search({ q })).items)).toContain('cafe-creme-espresso-beans');
    }
    for (const q of ['jalapeno', 'Jalapeño', 'JALAPEÑO hot']) {
      expect(slugs((await search({ q })).items)[0]).toBe('jalapeno-hot-sauce');
    }
  });

  it('marks the matched words in the name and in a description snippet', async () => {
    const { items } = await search({ q: 'sweatshirt' });
    const hoodie = items.find((p) => p.slug === 'garment-dyed-hooded-sweatshirt')!;
    expect(marked(hoodie.nameHighlight)).toEqual(['sweatshirt']);
    expect(hoodie.nameHighlight.map((s) => s.text).join('')).toBe('Garment-Dyed Hooded Sweatshirt');
    const bag = items.find((p) => p.slug === 'zippered-mesh-laundry-bag')!;
    expect(marked(bag.snippet)).toEqual(['sweatshirt']);
    expect(marked(bag.nameHighlight)).toEqual([]);
  });

  it('returns an empty result, not an error, for words nothing matches', async () => {
    const result = await search({ q: 'xylophonezzz' });
    expect(result).toMatchObject({ items: [], total: 0, facets: { categories: [], price: { min: null, max: null } } });
  });

  it('refuses a blank query with "Enter something to search for"', async () => {
    for (const q of ['', '   ', '\t\n']) {
      await expect(search({ q })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Enter something to search for' });
    }
    const res = await shop.fetch(`/trpc/product.search?input=${encodeURIComponent(JSON.stringify({ q: ' ' }))}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe('Enter something to search for');
  });
});

describe('product.search facets and filters', () => {
  it('counts matches per category and reports their price range', async () => {
    const all = await search({ q: 'coffee', pageSize: 100 });
    expect(all.total).toBeGreaterThan(3);
    const perCategory = new Map<string, number>();
    for (const item of all.items) {
      for (const c of seedProducts.find((p) => p.slug === item.slug)!.categories) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
    }
    expect(Object.fromEntries(all.facets.categories.map((c) => [c.slug, c.count]))).toEqual(Object.fromEntries(perCategory));
    expect(all.facets.categories.every((c) => c.name.length > 0)).toBe(true);
    const prices = all.items.map((p) => p.priceCents);
    expect(all.facets.price).toEqual({ min: Math.min(...prices), max: Math.max(...prices) });
  });

  it('filters by category while the category facet still offers the others', async () => {
    const all = await search({ q: 'coffee' });
    const other = all.facets.categories.find((c) => c.slug !== 'coffee-tea')!;
    const filtered = await search({ q: 'coffee', category: other.slug });
    expect(filtered.total).toBe(other.count);
    for (const item of filtered.items) expect(seedProducts.find((p) => p.slug === item.slug)!.categories).toContain(other.slug);
    expect(filtered.facets.categories).toEqual(all.facets.categories);
    await expect(search({ q: 'coffee', category: 'no-such-category' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('filters by price range, inclusive at both ends', async () => {
    const all = await search({ q: 'coffee', pageSize: 100 });
    const prices = [...new Set(all.items.map((p) => p.priceCents))].sort((a, b) => a - b);
    const [low, high] = [prices[1]!, prices[prices.length - 2]!];
    const ranged = await search({ q: 'coffee', minPriceCents: low, maxPriceCents: high, pageSize: 100 });
    expect(ranged.total).toBe(all.items.filter((p) => p.priceCents >= low && p.priceCents <= high).length);
    expect(ranged.items.every((p) => p.priceCents >= low && p.priceCents <= high)).toBe(true);
    // The price facet ignores the price filter, so the shopper can widen it again.
    expect(ranged.facets.price).toEqual(all.facets.price);
  });

  it('searches a reversed price range (min above max) as the range between the two', async () => {
    const ordered = await search({ q: 'coffee', minPriceCents: 1000, maxPriceCents: 10000, pageSize: 100 });
    expect(ordered.total).toBeGreaterThan(0);
    const reversed = await search({ q: 'coffee', minPriceCents: 10000, maxPriceCents: 1000, pageSize: 100 });
    expect(slugs(reversed.items)).toEqual(slugs(ordered.items));
    expect(reversed.total).toBe(ordered.total);
    expect(reversed.items.every((p) => p.priceCents >= 1000 && p.priceCents <= 10000)).toBe(true);
    // The caller learns the range that was searched, low end first.
    expect(reversed.priceFilter).toEqual({ minPriceCents: 1000, maxPriceCents: 10000 });
    expect((await search({ q: 'coffee', minPriceCents: 1000 })).priceFilter).toEqual({ minPriceCents: 1000, maxPriceCents: null });
    expect((await search({ q: 'coffee' })).priceFilter).toEqual({ minPriceCents: null, maxPriceCents: null });
  });

  it('hides sold-out products when asked for in-stock only', async () => {
    const all = await search({ q: 'sweatshirt' });
    expect(slugs(all.items)).toContain('garment-dyed-hooded-sweatshirt');
    const inStock = await search({ q: 'sweatshirt', inStock: true });
    expect(slugs(inStock.items)).not.toContain('garment-dyed-hooded-sweatshirt');
    expect(inStock.items.every((p) => p.stock > 0)).toBe(true);
    expect(inStock.total).toBe(all.total - 1);
    expect(inStock.facets.categories.find((c) => c.slug === 'apparel')!.count).toBe(2);
  });

  it('sorts matches by price, name and newest as well as relevance', async () => {
    const byPrice = (await search({ q: 'sweat', sort: 'price_asc' })).items.map((p) => p.priceCents);
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b));
    const byPriceDesc = (await search({ q: 'sweat', sort: 'price_desc' })).items.map((p) => p.priceCents);
    expect(byPriceDesc).toEqual([...byPrice].reverse());
    const byName = (await search({ q: 'sweat', sort: 'name' })).items.map((p) => p.name);
    expect(byName).toEqual([...byName].sort());
    const newest = (await search({ q: 'sweat', sort: 'newest' })).items.map((p) => p.slug);
    const seedOrder = seedProducts.map((p) => p.slug);
    expect(newest).toEqual([...newest].sort((a, b) => seedOrder.indexOf(b) - seedOrder.indexOf(a)));
  });

  it('pages through the matches exactly once and returns an empty page past the end', async () => {
    const all = await search({ q: 'coffee', pageSize: 100 });
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page++) seen.push(...slugs((await search({ q: 'coffee', page, pageSize: 2 })).items));
    expect(seen).toEqual(slugs(all.items));
    const past = await search({ q: 'coffee', page: 99, pageSize: 2 });
    expect(past).toMatchObject({ items: [], total: all.total, page: 99, pageSize: 2 });
    expect(past.facets).toEqual(all.facets);
  });

  it('rejects page sizes outside 1..100', async () => {
    await expect(search({ q: 'coffee', pageSize: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(search({ q: 'coffee', pageSize: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(search({ q: 'coffee', page: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('hostile search input', () => {
  // Punctuation is no part of a word and operators are plain words, so each of
  // these finds exactly what its plain words find.
  const LIKE_PLAIN: [hostile: string, plain: string][] = [
    ['sweat"', 'sweat'], ['"sweat', 'sweat'], ['*sweat', 'sweat'], ['sweat*', 'sweat'], ['-sweat', 'sweat'],
    ['(sweat', 'sweat'], ['sweat)', 'sweat'], ['^sweat', 'sweat'], ['sweat""*"', 'sweat'],
    ['NEAR', 'near'], ['NEAR(sweat', 'near sweat'],
    // Over the 2,000-character limit: cut and searched, not refused.
    ['sweat '.repeat(1000).slice(0, 5000), 'sweat'],
  ];
  // Every one of these is searched as words (or as nothing): never a 500, never an FTS syntax error.
  const HOSTILE = [
    ...LIKE_PLAIN.map(([hostile]) => hostile),
    '"', '""', '"""', "'", 'sweat" OR "a', '*', '**', '-', '--',
    'sweat -shirt', 'NEAR(sweat shirt)', 'NEAR(a b, 2)', 'NEAR/3', 'AND', 'OR', 'NOT', 'sweat AND', 'AND sweat',
    'NOT sweat', 'sweat OR', '(', ')', '()', '^', 'name:sweat', '{name}:sweat',
    'description : shirt', ':', '+', 'a + b', '{', '}', '[]', '\\', '%', '_%_', "'; DROP TABLE products; --",
    '<script>alert(1)</script>', '"><script>alert(2)</script>', '😀', '🧦 socks', '👩‍👩‍👧', '\u0000', 'abc\u0000def', '\u202eevil', '\u0007bell',
    'Ω≈ç√∫', '日本語 検索', 'ǅ', 'a'.repeat(1000), 'a'.repeat(5000), 'a😀'.repeat(2000), 'sweat '.repeat(200), '"*()-:^'.repeat(140), ' * ',
  ];

  it('finds what the plain words find, whatever punctuation or operators surround them', async () => {
    expect(slugs((await search({ q: 'sweat' })).items)).toEqual(expect.arrayContaining(SWEATSHIRTS));
    expect((await search({ q: 'near' })).total).toBeGreaterThan(0);
    for (const [hostile, plain] of LIKE_PLAIN) {
      const expected = slugs((await search({ q: plain, pageSize: 100 })).items);
      const found = slugs((await search({ q: hostile, pageSize: 100 })).items);
      expect({ q: hostile.slice(0, 40), found }).toEqual({ q: hostile.slice(0, 40), found: expected });
    }
  });

  it(`answers ${HOSTILE.length} hostile queries over HTTP without a server error`, async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
    for (const q of HOSTILE) {
      const res = await shop.fetch(`/trpc/product.search?input=${encodeURIComponent(JSON.stringify({ q }))}`);
      const body = (await res.json()) as any;
      if (res.status !== 200) throw new Error(`${JSON.stringify(q)} → ${res.status} ${JSON.stringify(body)}`);
      expect(Array.isArray(body.result.data.items)).toBe(true);
      const suggest = await shop.fetch(`/trpc/product.suggest?input=${encodeURIComponent(JSON.stringify({ q }))}`);
      expect(suggest.status).toBe(200);
    }
  });

  it('renders the search page for every hostile query', async () => {
    for (const q of HOSTILE) {
      const res = await shop.fetch(`/search?${new URLSearchParams({ q })}`);
      if (res.status !== 200) throw new Error(`${JSON.stringify(q)} → ${res.status}`);
      // Inside a quoted attribute "<" is inert; anywhere else it would be markup.
      const outsideAttributes = (await res.text()).replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes).not.toContain('<script>alert');
    }
  });

  it('treats operators as plain words', async () => {
    expect(slugs((await search({ q: 'NOT sweatshirt' })).items)).toEqual([]);
    expect((await search({ q: '(sweatshirt)' })).total).toBe((await search({ q: 'sweatshirt' })).total);
    expect((await search({ q: '"hooded" "sweatshirt"' })).items[0]!.slug).toBe('garment-dyed-hooded-sweatshirt');
  });
});

describe('product.suggest', () => {
  it('suggests products whose name words start with the typed text', async () => {
    const suggestions = await shop.caller().product.suggest({ q: 'sweat' });
    expect(slugs(suggestions).sort()).toEqual([...SWEATSHIRTS].sort());
    expect(suggestions[0]).toEqual({
      slug: expect.any(String),
      name: expect.stringContaining('Sweatshirt'),
      imageUrl: expect.any(String),
      priceCents: expect.any(Number),
      currency: 'USD',
    });
    expect(slugs(await shop.caller().product.suggest({ q: 'jalap' }))).toEqual(['jalapeno-hot-sauce']);
    expect(slugs(await shop.caller().product.suggest({ q: 'cafe cr' }))).toEqual(['cafe-creme-espresso-beans']);
  });

  it('returns at most 8 and nothing for blank text', async () => {
    expect((await shop.caller().product.suggest({ q: 'c' })).length).toBe(8);
    expect(await shop.caller().product.suggest({ q: '  ' })).toEqual([]);
  });
});
