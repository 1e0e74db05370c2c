// The product pictures the shop draws itself: one per seed product and view, well-formed, stable, telling.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedProducts } from './seed/catalog-data.ts';
import { createTestShop, type TestShop } from './testing/test-shop.ts';
import { productImageSvg } from './product-image.ts';
import { motifFor, namedIcon } from './product-image/motif.ts';
import { PRODUCT_IMAGE_VIEWS, productImagePath } from '../routers/product/image-path.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const views = PRODUCT_IMAGE_VIEWS.map((_, i) => i + 1);

/** A well-formed SVG document as an <img> loads it: one root <svg> with a viewBox, every element closed. */
function expectWellFormedSvg(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (closing) expect(open.pop()).toBe(name);
    else if (!selfClosing) open.push(name!);
  }
  expect(open).toEqual([]);
}

describe('product pictures', () => {
  it('draws every view of every seed product as a well-formed SVG with no lettering', () => {
    for (const { slug } of seedProducts) {
      for (const view of views) {
        const svg = productImageSvg(slug, view)!;
        expectWellFormedSvg(svg);
        expect(svg).not.toContain('<text');
        expect(svg).not.toMatch(/href="(?!#)/); // nothing fetched from anywhere
      }
    }
  });

  it('draws the same picture for the same slug, and different views of one product differently', () => {
    const slug = 'stoneware-diner-mug';
    expect(productImageSvg(slug)).toBe(productImageSvg(slug)!);
    expect(new Set(views.map((view) => productImageSvg(slug, view))).size).toBe(views.length);
  });

  it('picks the object from the name: products of different categories get different icons', () => {
    const icon = (slug: string) => motifFor(slug).icon;
    expect(icon('stoneware-diner-mug')).toBe('coffee');
    expect(icon('cafe-creme-espresso-beans')).toBe('coffee-bean');
    expect(icon('heavyweight-crewneck-sweatshirt')).toBe('hoodie');
    expect(icon('noise-cancelling-wireless-headphones')).toBe('headphones');
    expect(icon('the-quiet-coast-a-novel')).toBe('book');
    expect(icon('pour-over-coffee-kettle')).toBe('drop');
    expect(icon('lambswool-sweater')).toBe('yarn');
    // One typical product per seed category: ten categories, ten different pictures.
    const firstOfEach = new Map<string, string>();
    for (const p of seedProducts) if (!firstOfEach.has(p.categories[0]!)) firstOfEach.set(p.categories[0]!, icon(p.slug));
    expect(new Set(firstOfEach.values()).size).toBe(firstOfEach.size);
  });

  it('knows the object of every seed product, and draws a generic picture for names it does not know', () => {
    expect(seedProducts.filter((p) => !namedIcon(p.slug)).map((p) => p.slug)).toEqual([]);
    expect(namedIcon('frobnicator-deluxe')).toBeUndefined();
    expectWellFormedSvg(productImageSvg('frobnicator-deluxe')!);
  });

  it('draws in the colourway a colour word names, and another hue per slug otherwise', () => {
    const matcha = motifFor('matcha-whisk').hue;
    expect(matcha > 60 && matcha < 160).toBe(true); // a green
    expect(motifFor('navy-wool-scarf').hue).toBe(225);
    expect(motifFor('walnut-tray').hue).toBe(25);
    expect(motifFor('frobnicator-one').hue).not.toBe(motifFor('frobnicator-two').hue);
  });
});

describe('GET /img/products/:file', () => {
  it('serves each view the product page links, as a cacheable SVG', async () => {
    for (const view of views) {
      const res = await shop.fetch(productImagePath('stoneware-diner-mug', view));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(await res.text()).toBe(productImageSvg('stoneware-diner-mug', view)!);
    }
  });

  it('draws names made of words that are also built-in property names like any other', async () => {
    for (const slug of ['constructor', 'to-string-constructor-set', 'has-own-property', 'proto-lamp']) {
      const res = await shop.fetch(`/img/products/${slug}.svg`);
      expect({ slug, status: res.status }).toEqual({ slug, status: 200 });
      expect(await res.text()).toStartWith('<svg');
    }
  });

  it('answers 404 for names that are not a slug or a view', async () => {
    for (const file of ['Mug.svg', 'mug.png', 'mug..svg', 'mug.1.svg', `mug.${views.length + 1}.svg`, 'mug.10.svg', '-mug.svg', '..%2Fetc.svg']) {
      expect((await shop.fetch(`/img/products/${file}`)).status).toBe(404);
    }
  });
});
