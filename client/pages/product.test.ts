// The product page as a browser without JavaScript receives it: where it sits, its pictures,
// what else to buy, and the structured data search engines read.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { seedProducts } from '../../server/seed/catalog-data.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const page = (path: string) => shop.page(path);
const unescape = (html: string) => html.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
const categoriesOf = (slug: string) => seedProducts.find((p) => p.slug === slug)!.categories;
/** The JSON-LD blocks of a page, parsed (a block that is not JSON fails here). */
const jsonLd = (html: string) =>
  [...html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
const productLd = (html: string) => jsonLd(html).find((d) => d['@type'] === 'Product');
/** Product slugs linked from the cards of the list labelled `label`. */
const gridSlugs = (html: string, label: string) => {
  const list = html.match(new RegExp(`<ul[^>]*aria-label="${label}"[\\s\\S]*?</ul>\\s*</section>`))?.[0] ?? '';
  return [...new Set([...list.matchAll(/href="\/product\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
};

describe('product page', () => {
  it('shows where the product sits: Home › its category › the product, the product marked current', async () => {
    const { html } = await page('/product/cafe-creme-espresso-beans');
    const nav = html.match(/<nav[^>]*aria-label="Breadcrumb"[\s\S]*?<\/nav>/)?.[0] ?? '';
    const crumbs = [...nav.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(crumbs).toHaveLength(3);
    expect(crumbs[0]).toMatch(/<a[^>]*href="\/"[^>]*>Home<\/a>/);
    expect(unescape(crumbs[1]!)).toMatch(/<a[^>]*href="\/category\/coffee-tea"[^>]*>Coffee & Tea<\/a>/);
    expect(crumbs[2]).toMatch(/<span[^>]*aria-current="page"[^>]*>Café Crème Espresso Beans<\/span>/);
    expect(crumbs[2]).not.toContain('<a');
  });

  it('shows a gallery of the product pictures, each with its alt text, the first one chosen', async () => {
    const { html } = await page('/product/cafe-creme-espresso-beans');
    const gallery = html.match(/<div[^>]*class="gallery[\s\S]*?<\/div><\/div><\/div>/)?.[0] ?? '';
    const { images } = await shop.caller().product.get({ slug: 'cafe-creme-espresso-beans' });
    expect(images.length).toBeGreaterThan(1);
    for (const image of images) {
      // Once as a thumbnail that chooses it, once as the large picture.
      const shown = [...gallery.matchAll(new RegExp(`<img[^>]*src="${image.url.replaceAll('.', '\\.')}"[^>]*>`, 'g'))].map((m) => m[0]);
      expect(shown).toHaveLength(2);
      for (const img of shown) expect(unescape(img)).toContain(`alt="${image.alt}"`);
    }
    const radios = [...gallery.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(images.length);
    expect(radios.map((r) => / checked/.test(r))).toEqual(images.map((_, i) => i === 0));
    expect(gallery).toMatch(/role="radiogroup" aria-label="Pictures of Café Crème Espresso Beans"/);
  });

  it('suggests other products of the same category, not the product itself', async () => {
    const { html } = await page('/product/stoneware-diner-mug');
    expect(unescape(html)).toMatch(/<h2[^>]*id="related-heading"[^>]*>More from Coffee & Tea<\/h2>/);
    const slugs = gridSlugs(html, 'Related products');
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).not.toContain('stoneware-diner-mug');
    for (const slug of slugs) expect(categoriesOf(slug!).some((c) => categoriesOf('stoneware-diner-mug').includes(c))).toBe(true);
  });

  it('offers a sold-out product’s in-stock alternatives where "Add to cart" would be', async () => {
    const { html } = await page('/product/garment-dyed-hooded-sweatshirt');
    const { id } = await shop.caller().product.get({ slug: 'garment-dyed-hooded-sweatshirt' });
    const cartForms = [...html.matchAll(/<form[^>]*action="\/cart\/add"[\s\S]*?<\/form>/g)].map((m) => m[0]);
    expect(cartForms.filter((form) => form.includes(`name="productId" value="${id}"`))).toEqual([]);
    const box = html.match(/<section[^>]*aria-labelledby="alternatives-heading"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(box).toContain('Sold out for now');
    expect(box).toContain('In stock now in Apparel');
    const slugs = [...box.matchAll(/href="\/product\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(slugs.length).toBeGreaterThan(0);
    const products = await Promise.all(slugs.map((slug) => shop.caller().product.get({ slug })));
    for (const p of products) {
      expect(p.stock).toBeGreaterThan(0);
      expect(p.categories.map((c) => c.slug)).toContain('apparel');
    }
    expect(box).toContain('href="/category/apparel"');
    // The grid below does not repeat them.
    for (const slug of gridSlugs(html, 'Related products')) expect(slugs).not.toContain(slug);
  });

  it('describes the product and its offer in JSON-LD: price as a decimal string, availability by stock', async () => {
    const { html } = await page('/product/cafe-creme-espresso-beans');
    const product = productLd(html);
    expect(product).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Café Crème Espresso Beans',
      sku: 'cafe-creme-espresso-beans',
      url: 'http://localhost/product/cafe-creme-espresso-beans',
      offers: { '@type': 'Offer', price: '18.99', priceCurrency: 'USD', availability: 'https://schema.org/InStock' },
    });
    expect(product.image[0]).toBe('http://localhost/img/products/cafe-creme-espresso-beans.svg');
    expect(product.description).toStartWith('A smooth medium-dark espresso blend');
    expect(productLd((await page('/product/garment-dyed-hooded-sweatshirt')).html).offers.availability).toBe('https://schema.org/OutOfStock');
    expect(productLd((await page('/product/quarter-zip-fleece-sweatshirt')).html).offers.availability).toBe('https://schema.org/LimitedAvailability');
    const crumbs = jsonLd(html).find((d) => d['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: { name: string; item: string }) => [i.name, i.item])).toEqual([
      ['Home', 'http://localhost/'],
      ['Coffee & Tea', 'http://localhost/category/coffee-tea'],
      ['Café Crème Espresso Beans', 'http://localhost/product/cafe-creme-espresso-beans'],
    ]);
  });

  it('keeps a product name with "</script>" inside the JSON-LD, as data', async () => {
    const name = 'Trick </script><script>alert(1)</script> Mug';
    const created = await shop.caller(ADMIN).admin.product.create({
      name,
      description: 'Ends the script? <!-- no -->',
      priceCents: 1234,
      categories: ['coffee-tea'],
      stock: 4,
    });
    const { slug } = await shop.caller().product.get({ id: created.id });
    const { status, html } = await page(`/product/${slug}`);
    expect(status).toBe(200);
    // Quoted attribute values may hold "<" harmlessly; anywhere else it would start an element.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)');
    expect(productLd(html)).toMatchObject({ name, description: 'Ends the script? <!-- no -->', offers: { price: '12.34' } });
  });
});
