// The shop's own pages (about, shipping, returns, contact) as a visitor gets them
// before any script runs, and the footer that links them from every page.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../../server/testing/test-shop.ts';

// Rates of its own, so the shipping page is seen to print the shop's rules, not the defaults.
const ENV = { SHIPPING_FLAT_CENTS: '450', FREE_SHIPPING_FROM_CENTS: '5000', SHOP_ADDRESS: '9 Dock Road, Portland, OR 97201, USA', MAIL_FROM: 'GoMall <help@shop.example>' };

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop({ env: ENV });
});
afterAll(() => shop.close());

const page = async (path: string) => {
  const res = await shop.fetch(path);
  return { status: res.status, html: await res.text() };
};
/** What a reader sees of some HTML: markup and hydration comments stripped. */
const text = (html: string) => html.replace(/<!--[\s\S]*?-->|<[^>]+>/g, '');
/** The text of the first element matching `tag`. */
const textOf = (html: string, tag: string) => text(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '').trim();
const footerOf = (html: string) => /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';

const CONTENT_PAGES: { path: string; heading: string; title?: string }[] = [
  { path: '/about', heading: 'About GoMall', title: 'About us' },
  { path: '/shipping', heading: 'Shipping' },
  { path: '/returns', heading: 'Returns &amp; refunds' },
  { path: '/contact', heading: 'Contact us' },
];

describe('content pages', () => {
  for (const { path, heading, title } of CONTENT_PAGES) {
    it(`renders ${path} with its heading, a title and a description`, async () => {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(textOf(html, 'h1')).toBe(heading);
      expect(textOf(html, 'title')).toBe(`${title ?? heading} — GoMall`);
      expect(/<meta[^>]* name="description" content="[^"]{50,}"/.test(html)).toBe(true);
    });
  }

  it("states the shop's own shipping rates, the ones checkout charges", async () => {
    const { html } = await page('/shipping');
    expect(text(html)).toContain('Under $50.00$4.50 flat');
    expect(text(html)).toContain('$50.00 or moreFree');
    expect(html).not.toContain('$5.99');
  });

  it('gives the contact email, the postal address and the opening hours', async () => {
    const { html } = await page('/contact');
    expect(html).toContain('href="mailto:help@shop.example"');
    expect(text(html)).toContain(ENV.SHOP_ADDRESS);
    expect(text(html)).toContain('Monday to Friday');
  });

  it('promises 30-day returns and says where to send them', async () => {
    const { html } = await page('/returns');
    expect(text(html)).toContain('30 days of delivery');
    expect(text(html)).toContain(ENV.SHOP_ADDRESS);
  });
});

describe('footer', () => {
  for (const path of ['/', '/category/apparel', '/product/cafe-creme-espresso-beans', '/search?q=coffee', '/cart', '/shipping', '/no-such-page']) {
    it(`links the help and company pages, the categories and the shop's address on ${path}`, async () => {
      const footer = footerOf((await page(path)).html);
      for (const href of ['/about', '/shipping', '/returns', '/contact', '/category/apparel', '/category/pantry']) {
        expect(footer).toContain(`href="${href}"`);
      }
      expect(text(footer)).toContain(ENV.SHOP_ADDRESS);
      expect(text(footer)).toContain('Free shipping over $50.00');
      expect(text(footer)).toContain('Secure checkout');
    });
  }
});
