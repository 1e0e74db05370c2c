// Search that forgives: other word forms (porter index), text inside words
// (trigram index), spelling corrections from the catalog's own words, and
// suggestions with what the list shows. Ranking and filters: search.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { CompiledQuery, sql } from 'kysely';
import { createTestShop, ADMIN, type TestShop } from '../../server/testing/test-shop.ts';
import { matchExpression } from './match-expression.ts';
import type { HighlightSegment } from './search.ts';
import { closestTerm, editDistance, fold } from './spelling.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const search = (input: Parameters<ReturnType<TestShop['caller']>['product']['search']>[0]) => shop.caller().product.search(input);
const suggest = (q: string) => shop.caller().product.suggest({ q });
const slugs = (items: { slug: string }[]) => items.map((p) => p.slug);
const marked = (segments: HighlightSegment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());

describe('word forms', () => {
  it('finds "mugs", "sweatshirts", "kettles" and "Coffees" although the products say Mug, Sweatshirt, Kettle, Coffee', async () => {
    expect(slugs((await search({ q: 'mugs' })).items)).toEqual(expect.arrayContaining(['stoneware-diner-mug', 'enamel-camp-mug']));
    expect(slugs((await search({ q: 'sweatshirts' })).items).slice(0, 3).sort()).toEqual([
      'garment-dyed-hooded-sweatshirt',
      'heavyweight-crewneck-sweatshirt',
      'quarter-zip-fleece-sweatshirt',
    ]);
    expect(slugs((await search({ q: 'kettles' })).items)[0]).toBe('pour-over-coffee-kettle');
    const coffees = await search({ q: 'Coffees', pageSize: 100 });
    expect(coffees.total).toBe((await search({ q: 'coffee' })).total);
    expect(coffees.correctedQuery).toBeNull();
  });

  it('marks the words as the shopper will recognise them', async () => {
    const mug = (await search({ q: 'mugs' })).items.find((p) => p.slug === 'stoneware-diner-mug')!;
    expect(marked(mug.nameHighlight)).toEqual(['mug']);
    expect(marked(mug.snippet)).toContain('mug');
  });
});

describe('tiers', () => {
  // The products the exact index alone finds, as the search found them before.
  const exactMatches = async (q: string) => {
    const { rows } = await sql<{ slug: string }>`SELECT p.slug FROM products_fts CROSS JOIN products p
      WHERE p.id = products_fts.rowid AND p.active = 1 AND products_fts MATCH ${matchExpression(q)}`.execute(shop.db);
    return rows.map((r) => r.slug).sort();
  };

  it('ranks exact matches above other word forms and text inside words', async () => {
    let widened = 0;
    for (const q of ['wool', 'brewing', 'boot', 'shirt', 'coffee']) {
      const exact = await exactMatches(q);
      const { items, total } = await search({ q, pageSize: 100 });
      expect(exact.length).toBeGreaterThan(0);
      expect({ q, top: slugs(items.slice(0, exact.length)).sort() }).toEqual({ q, top: exact });
      if (total > exact.length) widened++;
    }
    expect(widened).toBeGreaterThanOrEqual(3);
  });

  it('finds text inside words for three characters or more: "wool" finds Lambswool', async () => {
    const { items } = await search({ q: 'wool' });
    expect(slugs(items).slice(0, 2)).toEqual(['merino-wool-crew-socks-3-pack', 'cable-knit-lambswool-beanie']);
    const beanie = items[1]!;
    expect(beanie.nameHighlight.map((s) => s.text).join('')).toBe('Cable-Knit Lambswool Beanie');
    expect(marked(beanie.nameHighlight)).toEqual(['wool']);
    expect(slugs((await search({ q: 'plants' })).items)).toContain('a-year-of-houseplants');
    // Two letters are only ever a word start: "ap" finds Apple, never Jalapeño.
    expect(slugs((await search({ q: 'ap', pageSize: 100 })).items)).not.toContain('jalapeno-hot-sauce');
  });

  it('keeps every filter and facet over all tiers', async () => {
    const all = await search({ q: 'wool', pageSize: 100 });
    expect(all.facets.categories.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(all.total);
    const apparel = await search({ q: 'wool', category: 'apparel' });
    expect(apparel.total).toBe(all.facets.categories.find((c) => c.slug === 'apparel')!.count);
    const cheap = await search({ q: 'wool', maxPriceCents: all.facets.price.min! });
    expect(cheap.items.every((p) => p.priceCents === all.facets.price.min)).toBe(true);
    expect(cheap.facets.price).toEqual(all.facets.price);
  });
});

describe('spelling corrections', () => {
  it('searches the closest catalog words when the query finds little, and says so', async () => {
    const corrected = await search({ q: 'cofee' });
    expect(corrected).toMatchObject({ originalQuery: 'cofee', correctedQuery: 'coffee' });
    const coffee = await search({ q: 'coffee' });
    expect(slugs(corrected.items)).toEqual(slugs(coffee.items));
    expect(corrected.total).toBe(coffee.total);
    expect(corrected.facets).toEqual(coffee.facets);
    expect(marked(corrected.items[0]!.nameHighlight)).toEqual(['coffee']);

    expect(await search({ q: 'Hedphones' })).toMatchObject({ correctedQuery: 'headphones', items: [{ slug: 'noise-cancelling-wireless-headphones' }, {}] });
    // Only the unknown word changes; the rest stays as typed.
    expect((await search({ q: 'Balsamic vinager' })).correctedQuery).toBe('Balsamic vinegar');
    expect((await search({ q: 'sweatshrit' })).correctedQuery).toBe('sweatshirt');
  });

  it('searches exactly what was typed when asked to ("search instead for")', async () => {
    expect(await search({ q: 'cofee', exact: true })).toMatchObject({ items: [], total: 0, originalQuery: 'cofee', correctedQuery: null });
  });

  it('leaves known words, short words, numbers and nonsense alone', async () => {
    for (const q of ['coffee', 'kettles', 'jalap', 'tea', 'xylophonezzz', 'zzzz', '14', 'sweatshirt 999']) {
      expect({ q, corrected: (await search({ q })).correctedQuery }).toEqual({ q, corrected: null });
    }
    // A correction that finds no more than the query itself is not offered.
    expect((await search({ q: 'coffee', minPriceCents: 1_000_000 })).correctedQuery).toBeNull();
  });

  it('learns words of products added later', async () => {
    expect((await search({ q: 'quokkas' })).total).toBe(0);
    const product = await shop.caller(ADMIN).admin.product.create({
      name: 'Quokka Enamel Tumbler',
      description: 'A tumbler with a quokka on it.',
      priceCents: 1500,
      categories: ['outdoor'],
      stock: 4,
    });
    expect(await search({ q: 'qoukka' })).toMatchObject({ correctedQuery: 'quokka', items: [{ id: product.id }] });
    expect(slugs(await suggest('qoukka'))).toEqual([product.slug]);
    await shop.caller(ADMIN).admin.product.update({ id: product.id, name: 'Wombat Enamel Tumbler', description: 'A tumbler.' });
    expect(await search({ q: 'wonbat' })).toMatchObject({ correctedQuery: 'wombat', items: [{ id: product.id }] });
    expect((await search({ q: 'qoukka' })).total).toBe(0);
  });

  it('measures edits as a typist makes them: a swap of two letters is one', () => {
    expect(editDistance('cofee', 'coffee', 2)).toBe(1);
    expect(editDistance('sweatshrit', 'sweatshirt', 2)).toBe(1);
    expect(editDistance('keybaord', 'keyboard', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    // Stops at the bound.
    expect(editDistance('coffee', 'xylophone', 2)).toBe(3);
    expect(fold('CRÈME Brûlée')).toBe('creme brulee');
    const vocabulary = { byLength: new Map([[6, [{ term: 'coffee', docs: 9 }, { term: 'toffee', docs: 20 }]]]) };
    expect(closestTerm(vocabulary, 'cofee')).toBe('coffee');
    expect(closestTerm(vocabulary, 'tea')).toBeNull();
  });
});

describe('the search page', () => {
  // Solid's hydration markers (<!--$-->) split text; a reader never sees them.
  const page = async (path: string) =>
    (await (await shop.fetch(path)).text()).replace(/<!--[\s\S]*?-->/g, '').replaceAll('&amp;', '&');

  it('says which words it searched and links to the words as typed', async () => {
    const html = await page('/search?q=cofee');
    expect(html).toContain('Results for “coffee”');
    expect(html).toMatch(/Showing results for <strong>coffee<\/strong> — <a href="\/search\?q=cofee&exact=1"[^>]*>search instead for cofee<\/a>/);
    const typed = await page('/search?q=cofee&exact=1');
    expect(typed).toContain('No products match “cofee”');
    expect(typed).not.toContain('Showing results for');
    // Filters keep the choice: the form carries it and the links do too.
    expect(typed).toMatch(/<input[^>]*type="hidden" name="exact" value="1"/);
    expect(typed).toContain('href="/search?q=cofee&exact=1"');
    expect(await page('/search?q=coffee')).not.toContain('Showing results for');
  });

  it('offers Add to cart on results in stock, as the category grids do', async () => {
    const html = await page('/search?q=sweatshirt');
    expect(html).toMatch(/<form[^>]*action="\/cart\/add"[\s\S]*?name="productId" value="\d+"/);
    expect(html).toContain('aria-label="Add to cart: Heavyweight Crewneck Sweatshirt"');
    // Sold out: nothing to add.
    expect(html).not.toContain('aria-label="Add to cart: Garment-Dyed Hooded Sweatshirt"');
  });
});

describe('suggestions that forgive', () => {
  it('come with a thumbnail and the price', async () => {
    const [first] = await suggest('jalap');
    expect(first).toEqual({
      slug: 'jalapeno-hot-sauce',
      name: 'Jalapeño Hot Sauce',
      imageUrl: expect.stringMatching(/^\//),
      priceCents: expect.any(Number),
      currency: 'USD',
    });
  });

  it('find word forms, text inside names and misspelt names', async () => {
    expect(slugs(await suggest('mugs')).sort()).toEqual(['enamel-camp-mug', 'stoneware-diner-mug']);
    expect(slugs(await suggest('wool'))).toEqual(['merino-wool-crew-socks-3-pack', 'cable-knit-lambswool-beanie']);
    expect(slugs(await suggest('hedphones'))).toEqual(['noise-cancelling-wireless-headphones']);
    expect(await suggest('xylophonezzz')).toEqual([]);
  });
});

describe('performance', () => {
  it('drives every search statement from an index, never a scan of the products', async () => {
    const executor = shop.db.getExecutor();
    const statements: CompiledQuery[] = [];
    const execute = executor.executeQuery.bind(executor);
    executor.executeQuery = ((query: CompiledQuery) => {
      statements.push(query);
      return execute(query);
    }) as typeof executor.executeQuery;
    try {
      await search({ q: 'cofee', category: 'coffee-tea', minPriceCents: 100, inStock: true, sort: 'price_asc' });
      await search({ q: 'wool' });
      await suggest('hedphones');
    } finally {
      executor.executeQuery = execute;
    }
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      const { rows } = await shop.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, [...statement.parameters]));
      const plan = rows.map((r) => r.detail);
      // Names the plan itself computes (common table expressions, subqueries) may be scanned: they hold matches only.
      const computed = new Set(plan.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(d)?.[1] ?? []));
      const tableScans = plan.filter((d) => {
        const scanned = /^SCAN (\S+)/.exec(d)?.[1];
        return scanned && !d.includes('VIRTUAL TABLE') && scanned !== 'CONSTANT' && !scanned.startsWith('(subquery') && !computed.has(scanned);
      });
      expect({ sql: statement.sql.trim().slice(0, 60), tableScans }).toEqual({ sql: statement.sql.trim().slice(0, 60), tableScans: [] });
    }
  });
});
