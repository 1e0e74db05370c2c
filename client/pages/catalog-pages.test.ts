// The storefront's catalog pages as a browser without JavaScript receives them.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { formatMoney } from '../format.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const page = (path: string) => shop.page(path);
/** Product slugs linked from search results, in order. */
const resultSlugs = (html: string) =>
  [...html.matchAll(/<li[^>]*class="search-result[^"]*"[\s\S]*?href="\/product\/([a-z0-9-]+)"/g)].map((m) => m[1]);
const unescape = (html: string) => html.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

describe('product page', () => {
  it('shows the product with its price, stock, description and head tags', async () => {
    const { status, html } = await page('/product/cafe-creme-espresso-beans');
    expect(status).toBe(200);
    expect(html).toContain('<title');
    expect(html).toContain('Café Crème Espresso Beans — GoMall</title>');
    expect(html).toMatch(/<meta[^>]*name="description" content="A smooth medium-dark espresso blend/);
    expect(html).toMatch(/<meta[^>]*property="og:title" content="Café Crème Espresso Beans"/);
    expect(html).toMatch(/<meta[^>]*property="og:image" content="http:\/\/localhost\/img\/products\/cafe-creme-espresso-beans.svg"/);
    expect(html).toMatch(/<meta[^>]*property="og:url" content="http:\/\/localhost\/product\/cafe-creme-espresso-beans"/);
    expect(html).toMatch(/<meta[^>]*property="og:description"/);
    expect(html).toContain('$18.99');
    expect(html).toContain('In stock');
    expect(html).toMatch(/<img[^>]*alt="Café Crème Espresso Beans"/);
    expect(html).toContain('href="/category/coffee-tea"');
  });

  it('offers a quantity and "Add to cart" as a plain form the cart can receive', async () => {
    const { html } = await page('/product/cafe-creme-espresso-beans');
    const id = (await shop.caller().product.get({ slug: 'cafe-creme-espresso-beans' })).id;
    const form = html.match(/<form[^>]*action="\/cart\/add"[\s\S]*?<\/form>/)?.[0] ?? '';
    expect(form).toContain('method="post"');
    expect(form).toMatch(new RegExp(`<input[^>]*type="hidden"[^>]*name="productId"[^>]*value="${id}"`));
    expect(form).toMatch(/<input(?=[^>]*name="quantity")(?=[^>]*type="number")[^>]*>/);
    expect(form).toMatch(/<button[^>]*type="submit"[^>]*>Add to cart<\/button>/);
  });

  it('shows a sold-out product as sold out, without the cart form, and a low-stock one with its count', async () => {
    const soldOut = (await page('/product/garment-dyed-hooded-sweatshirt')).html;
    expect(soldOut).toContain('Sold out for now');
    // Its page still offers other products (related cards), never a cart form for this one.
    const { id } = await shop.caller().product.get({ slug: 'garment-dyed-hooded-sweatshirt' });
    const cartForms = [...soldOut.matchAll(/<form[^>]*action="\/cart\/add"[\s\S]*?<\/form>/g)].map((m) => m[0]);
    expect(cartForms.filter((form) => form.includes(`name="productId" value="${id}"`))).toEqual([]);
    expect((await page('/product/quarter-zip-fleece-sweatshirt')).html).toContain('only 3 left');
  });

  it('answers 404 for unknown, malformed and archived products', async () => {
    expect((await page('/product/no-such-thing')).status).toBe(404);
    expect((await page('/product/%22%3Cx%3E')).status).toBe(404);
    const { id } = await shop.caller().product.get({ slug: 'jalapeno-hot-sauce' });
    await shop.caller(ADMIN).admin.product.archive({ id });
    const archived = await page('/product/jalapeno-hot-sauce');
    expect(archived.status).toBe(404);
    expect(archived.html).toContain('This product is not available.');
    await shop.caller(ADMIN).admin.product.unarchive({ id });
    expect((await page('/product/jalapeno-hot-sauce')).status).toBe(200);
  });
});

describe('search page', () => {
  it('has the search form in the header of every page, working as a plain GET to /search', async () => {
    for (const path of ['/', '/category/books', '/product/cafe-creme-espresso-beans']) {
      expect((await page(path)).html).toMatch(/<form[^>]*method="get"[^>]*action="\/search"[^>]*role="search"[\s\S]*?<input[^>]*name="q"/);
    }
    expect((await page('/search?q=sweat')).html).toMatch(/<input[^>]*id="site-search"[^>]*value="sweat"/);
  });

  it('lists ranked results with the matched words highlighted', async () => {
    const { status, html } = await page('/search?q=sweatshirt');
    expect(status).toBe(200);
    const slugs = resultSlugs(html);
    expect(slugs.slice(0, 3).sort()).toEqual(['garment-dyed-hooded-sweatshirt', 'heavyweight-crewneck-sweatshirt', 'quarter-zip-fleece-sweatshirt']);
    expect(slugs[3]).toBe('zippered-mesh-laundry-bag');
    expect(html).toMatch(/<mark[^>]*>Sweatshirt<\/mark>/);
    expect(html).toMatch(/a <mark[^>]*>sweatshirt<\/mark> and a pair of jeans/);
    expect(html).toContain('4 products found');
    expect(unescape(html)).toContain('Search: sweatshirt — GoMall</title>');
  });

  it('offers category facets with counts as links that filter the results', async () => {
    const { html } = await page('/search?q=sweat');
    expect(unescape(html)).toMatch(/href="\/search\?q=sweat&category=apparel"[^>]*><span>Apparel<\/span><span[^>]*>3<\/span>/);
    const filtered = await page('/search?q=sweat&category=apparel');
    expect(resultSlugs(filtered.html).sort()).toEqual(['garment-dyed-hooded-sweatshirt', 'heavyweight-crewneck-sweatshirt', 'quarter-zip-fleece-sweatshirt']);
    expect(filtered.html).toMatch(/aria-current="page"[^>]*><span>Apparel/);
  });

  it('filters by price range and in-stock through the facet form', async () => {
    const form = (await page('/search?q=sweat')).html.match(/<aside[\s\S]*?<\/aside>/)?.[0] ?? '';
    expect(form).toMatch(/<input[^>]*name="min"/);
    expect(form).toMatch(/<input[^>]*name="max"/);
    expect(form).toMatch(/<input[^>]*type="checkbox"[^>]*name="inStock"/);
    expect(form).toMatch(/<select[^>]*name="sort"/);
    const inStock = resultSlugs((await page('/search?q=sweatshirt&inStock=1')).html);
    expect(inStock).not.toContain('garment-dyed-hooded-sweatshirt');
    expect(inStock).toHaveLength(3);
    const cheap = resultSlugs((await page('/search?q=sweat&max=20')).html);
    expect(cheap).toEqual(['zippered-mesh-laundry-bag']);
    const sorted = resultSlugs((await page('/search?q=sweatshirt&sort=price_desc&min=65')).html);
    expect(sorted).toEqual(['garment-dyed-hooded-sweatshirt', 'quarter-zip-fleece-sweatshirt']);
  });

  it('labels the price fields with the currency', async () => {
    const form = (await page('/search?q=coffee')).html.match(/<aside[\s\S]*?<\/aside>/)?.[0] ?? '';
    expect(form).toMatch(/<label[^>]*>Min \(\$\)<input[^>]*name="min"/);
    expect(form).toMatch(/<label[^>]*>Max \(\$\)<input[^>]*name="max"/);
  });

  it('folds the filters into a closed "Filters" disclosure above the results, saying how many apply', async () => {
    const { html } = await page('/search?q=coffee&inStock=1&min=5');
    const aside = html.match(/<aside[\s\S]*?<\/aside>/)?.[0] ?? '';
    const details = aside.match(/<details(?![^>]*\sopen)[^>]*>\s*<summary[^>]*>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/);
    expect(details?.[1]?.replace(/<[^>]+>/g, '')).toBe('Filters (2 applied)');
    for (const field of ['name="min"', 'name="max"', 'name="inStock"', 'name="sort"', 'Apply filters', 'All categories']) expect(details?.[2]).toContain(field);
    expect(html.indexOf('<aside')).toBeLessThan(html.indexOf('class="search-result'));
    expect((await page('/search?q=coffee')).html).toMatch(/<summary[^>]*>Filters<\/summary>/);
  });

  it('shows the empty state before the filters when nothing matches', async () => {
    for (const path of ['/search?q=xylophonezzz', '/search?q=coffee&min=500', '/search?q=c&page=999']) {
      const { html } = await page(path);
      const message = Math.max(html.indexOf('No products match'), html.indexOf('No results on this page'));
      expect({ path, message: message > 0 }).toEqual({ path, message: true });
      expect({ path, before: message < html.indexOf('<aside') }).toEqual({ path, before: true });
    }
  });

  it('searches a reversed price range as the range between the two, and shows it the right way round', async () => {
    const inOrder = resultSlugs((await page('/search?q=coffee&min=10&max=100')).html);
    expect(inOrder.length).toBeGreaterThan(0);
    const { html } = await page('/search?q=coffee&min=100&max=10');
    expect(resultSlugs(html)).toEqual(inOrder);
    expect(html).not.toContain('No products match');
    const form = html.match(/<aside[\s\S]*?<\/aside>/)?.[0] ?? '';
    expect(form).toMatch(/<input[^>]*name="min"[^>]*value="10"/);
    expect(form).toMatch(/<input[^>]*name="max"[^>]*value="100"/);
    expect(unescape(form)).toContain('href="/search?q=coffee&category=coffee-tea&min=10&max=100"');
  });

  it('says when the price range is what leaves no results, instead of blaming the spelling', async () => {
    const { facets } = await shop.caller().product.search({ q: 'coffee' });
    const between = unescape((await page('/search?q=coffee&min=1&max=2')).html);
    expect(between).toContain('No products match “coffee” between $1.00 and $2.00');
    expect(between).toContain(`Matching products cost ${formatMoney(facets.price.min!)} to ${formatMoney(facets.price.max!)}.`);
    expect(between).toMatch(/<a[^>]*href="\/search\?q=coffee"[^>]*>Search “coffee” at any price<\/a>/);
    expect(between).not.toContain('Check the spelling');
    expect(unescape((await page('/search?q=coffee&min=500')).html)).toContain('No products match “coffee” at $500.00 or more');
    const cheap = unescape((await page('/search?q=coffee&max=1&inStock=1')).html);
    expect(cheap).toContain('No products match “coffee” at $1.00 or less');
    // Only the price range goes; the other filters stay.
    expect(cheap).toContain('href="/search?q=coffee&inStock=1"');
    // Words that match nothing at any price still get the spelling hint.
    const misspelt = unescape((await page('/search?q=xylophonezzz&min=1&max=2')).html);
    expect(misspelt).toContain('No products match “xylophonezzz”<');
    expect(misspelt).toContain('Check the spelling');
  });

  it('states the price range of the matches, as the shop writes money', async () => {
    const { facets, items } = await shop.caller().product.search({ q: 'coffee' });
    expect(facets.price.min).toBeLessThan(facets.price.max!);
    const range = `Matches cost ${formatMoney(facets.price.min!, items[0]!.currency)} to ${formatMoney(facets.price.max!, items[0]!.currency)}`;
    expect((await page('/search?q=coffee')).html).toContain(range);
    expect((await page('/search?q=xylophonezzz')).html).not.toContain('Matches cost');
  });

  it('searches the first words of a very long query instead of asking for one', async () => {
    const q = 'sweatshirt '.repeat(500);
    const { html } = await page(`/search?${new URLSearchParams({ q })}`);
    expect(html).not.toContain('Enter something to search for');
    const expected = (await shop.caller().product.search({ q: 'sweatshirt' })).items.map((p) => p.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(resultSlugs(html)).toEqual(expected);
  });

  it('pages with plain links that keep the query and filters', async () => {
    const first = await page('/search?q=c&inStock=1');
    expect(resultSlugs(first.html)).toHaveLength(20);
    expect(unescape(first.html)).toContain('href="/search?q=c&inStock=1&page=2"');
    const second = resultSlugs((await page('/search?q=c&inStock=1&page=2')).html);
    expect(second.some((slug) => resultSlugs(first.html).includes(slug))).toBe(false);
    expect((await page('/search?q=c&page=999')).html).toContain('No results on this page.');
  });

  it('helps when nothing matches, and asks for words when the query is blank', async () => {
    const none = await page('/search?q=xylophonezzz&inStock=1');
    expect(none.status).toBe(200);
    expect(unescape(none.html)).toContain('No products match “xylophonezzz”');
    expect(unescape(none.html)).toContain('href="/search?q=xylophonezzz"');
    const blank = await page('/search?q=%20%20');
    expect(blank.html).toContain('Enter something to search for');
    expect((await page('/search?q=sweat&category=no-such')).html).toContain('That category does not exist');
    expect((await page('/search?q=sweat&min=abc&max=-4&page=x&sort=evil')).status).toBe(200);
  });
});
