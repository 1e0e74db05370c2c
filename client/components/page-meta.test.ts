// The head of each kind of page as a crawler or a link preview receives it: the
// storefront's pages name their canonical address and carry Open Graph and Twitter
// card tags; a visitor's own pages ask search engines not to index them.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { shortened } from './page-meta.tsx';

let shop: TestShop;
let shopper: Awaited<ReturnType<TestShop['register']>>;
let orderId: number;
beforeAll(async () => {
  shop = await createTestShop();
  shopper = await shop.register();
  const { id: productId } = await shop.caller().product.get({ slug: 'cafe-creme-espresso-beans' });
  expect((await shop.mutate('cart.add', { productId, quantity: 1 }, shopper.cookie)).status).toBe(200);
  const address = { firstName: 'Ada', lastName: 'Lovelace', street: '12 Analytical Way', city: 'Springfield', state: 'IL', zip: '62701', country: 'US' };
  const placed = await shop.mutate('checkout.placeOrder', { idempotencyKey: crypto.randomUUID(), email: shopper.email, shippingAddress: address }, shopper.cookie);
  expect(placed.status).toBe(200);
  orderId = ((await placed.json()) as any).result.data.orderId;
});
afterAll(() => shop.close());

interface Head {
  status: number;
  /** The <head>, hydration markers and data-sm ids left out. */
  html: string;
  /** Every <meta>'s content by its name or property, each occurrence. */
  meta: Map<string, string[]>;
  canonical: string[];
}

const unescape = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

async function head(path: string, cookie?: string): Promise<Head> {
  const res = await shop.fetch(path, cookie ? { headers: { cookie } } : undefined);
  const html = (await res.text()).split('</head>')[0]!.replace(/<!--[\s\S]*?-->/g, '').replace(/ data-sm="[^"]*"/g, '');
  const meta = new Map<string, string[]>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /\b(?:name|property)="([^"]+)"/.exec(tag)?.[1];
    const content = /\bcontent="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined) meta.set(key, [...(meta.get(key) ?? []), unescape(content)]);
  }
  const canonical = [...html.matchAll(/<link\b[^>]*rel="canonical"[^>]*>/g)].map(([tag]) => unescape(/href="([^"]*)"/.exec(tag)![1]!));
  return { status: res.status, html, meta, canonical };
}

const one = (h: Head, key: string) => {
  const values = h.meta.get(key) ?? [];
  expect(values, `${key} once`).toHaveLength(1);
  return values[0]!;
};

/** An indexable page: one canonical address, its og:url the same, a title, a description and the share tags, none twice. */
function expectIndexable(h: Head, url: string) {
  expect(h.status).toBe(200);
  expect(h.canonical).toEqual([url]);
  expect(h.meta.has('robots')).toBe(false);
  expect(h.html.match(/<title\b/g)).toHaveLength(1);
  expect(one(h, 'og:url')).toBe(url);
  expect(one(h, 'og:site_name')).toBe('GoMall');
  for (const key of ['description', 'og:title', 'og:description', 'og:type', 'twitter:card', 'twitter:title', 'twitter:description']) one(h, key);
  for (const [key, values] of h.meta) expect(values, `${key} once`).toHaveLength(1);
}

describe('indexable pages', () => {
  it('home names itself as canonical and carries the share tags', async () => {
    const h = await head('/');
    expectIndexable(h, 'http://localhost/');
    expect(one(h, 'og:title')).toBe('GoMall — shop everyday essentials');
    expect(one(h, 'twitter:card')).toBe('summary');
  });

  it('a category page keeps only the page number in its canonical address, not the sort', async () => {
    const first = await head('/category/coffee-tea?sort=price_asc&page=1');
    expectIndexable(first, 'http://localhost/category/coffee-tea');
    expect(one(first, 'og:title')).toBe('Coffee & Tea');
    expectIndexable(await head('/category/coffee-tea?sort=name&page=2'), 'http://localhost/category/coffee-tea?page=2');
  });

  it('a product page shares the product picture as a large card', async () => {
    const h = await head('/product/cafe-creme-espresso-beans?ref=newsletter');
    expectIndexable(h, 'http://localhost/product/cafe-creme-espresso-beans');
    expect(one(h, 'og:title')).toBe('Café Crème Espresso Beans');
    expect(one(h, 'og:type')).toBe('product');
    expect(one(h, 'og:image')).toBe('http://localhost/img/products/cafe-creme-espresso-beans.svg');
    expect(one(h, 'og:image:alt')).toBe('Café Crème Espresso Beans');
    expect(one(h, 'twitter:image')).toBe('http://localhost/img/products/cafe-creme-espresso-beans.svg');
    expect(one(h, 'twitter:card')).toBe('summary_large_image');
  });

  it('the content pages name themselves as canonical', async () => {
    for (const path of ['/about', '/shipping', '/returns', '/contact']) expectIndexable(await head(path), `http://localhost${path}`);
  });

  it('names the host it was asked on', async () => {
    const res = await shop.app.fetch(new Request('https://shop.example/'));
    expect(await res.text()).toMatch(/<link[^>]*rel="canonical"[^>]*href="https:\/\/shop\.example\/"/);
  });
});

describe('pages kept out of search engines', () => {
  const signedOut = ['/search?q=coffee', '/search', '/cart', '/sign-in', '/sign-up', '/forgot-password', '/reset-password?token=nope', '/unsubscribe?token=nope', '/dev/mailbox'];
  const signedIn = ['/account', '/orders', '/checkout'];

  for (const path of [...signedOut, ...signedIn]) {
    it(`${path} says noindex and names no canonical address`, async () => {
      const h = await head(path, signedIn.includes(path) ? shopper.cookie : undefined);
      expect(h.status).toBeLessThan(500);
      expect(h.meta.get('robots')).toEqual(['noindex']);
      expect(h.canonical).toEqual([]);
      expect(h.meta.has('og:url')).toBe(false);
      expect(h.html.match(/<title\b/g)).toHaveLength(1);
      one(h, 'og:title');
    });
  }

  it('the admin console says noindex, also to whoever it turns away', async () => {
    for (const path of ['/admin', '/admin/products']) {
      const h = await head(path, shopper.cookie);
      expect(h.status).toBe(403);
      expect(h.meta.get('robots')).toEqual(['noindex']);
      expect(h.canonical).toEqual([]);
    }
  });

  it("an order's page says noindex", async () => {
    const h = await head(`/orders/${orderId}`, shopper.cookie);
    expect(h.status).toBe(200);
    expect(h.meta.get('robots')).toEqual(['noindex']);
    expect(h.canonical).toEqual([]);
  });
});

describe('shortened descriptions', () => {
  it('keep short text whole and cut long text at a word with an ellipsis', () => {
    expect(shortened('  A  smooth\nblend. ')).toBe('A smooth blend.');
    const cut = shortened('word '.repeat(60));
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toEndWith('word…');
  });
});
