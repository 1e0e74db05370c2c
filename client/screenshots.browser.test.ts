// Full-page screenshots of the main storefront pages at a phone's and a desktop's
// width, for reviewers to look at: written to screenshots/ (gitignored) at the repo root.
import { describe, expect, it } from 'bun:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedProducts } from '../server/seed/catalog-data.ts';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const DIR = join(import.meta.dir, '..', 'screenshots');
const WIDTHS = [375, 1280];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const tee = seedProducts.find((p) => p.slug === 'organic-cotton-pocket-tee')!;
const fleece = seedProducts.find((p) => p.slug === 'quarter-zip-fleece-sweatshirt')!;

/** Each page, where it is, and the main heading that shows it rendered (not an error page); the home page's is its own to word. */
const PAGES: { name: string; path: string; heading?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'category', path: '/category/apparel', heading: 'Apparel' },
  { name: 'product', path: `/product/${tee.slug}`, heading: tee.name },
  { name: 'cart', path: '/cart', heading: 'Your cart' },
  { name: 'search', path: '/search?q=cotton', heading: 'Results for “cotton”' },
];

/** A signed-in shopper with two products in the cart, for the cart's screenshot. */
async function shopperCookies() {
  const { header, cookies } = await signedInCookies(env.shop, 'screenshots@example.com');
  for (const slug of [tee.slug, fleece.slug]) {
    const { id } = await env.shop.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    expect((await trpcPost(env.shop, 'cart.add', { productId: id, quantity: 1 }, header)).status).toBe(200);
  }
  return cookies;
}

describe('screenshots', () => {
  it(`saves home, a category, a product, the cart and search results at ${WIDTHS.join(' and ')} px`, async () => {
    mkdirSync(DIR, { recursive: true });
    const cookies = await shopperCookies();
    for (const width of WIDTHS) {
      // One context per width, its page reused for every screenshot.
      const context = await env.browser.newContext({ viewport: { width, height: 800 } });
      try {
        await context.addCookies(cookies);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        for (const { name, path, heading } of PAGES) {
          const res = await page.goto(`${env.shop.url}${path}`, { waitUntil: 'networkidle' });
          expect(res?.status()).toBe(200);
          const h1 = (await page.locator('main h1').first().textContent())?.trim();
          if (heading) expect(h1).toBe(heading);
          else expect(h1).toBeTruthy();
          const file = join(DIR, `${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const png = readFileSync(file);
          expect(png.length).toBeGreaterThan(PNG_SIGNATURE.length);
          expect(png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)).toBe(true);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
