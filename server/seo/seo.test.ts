// robots.txt and the sitemap as a crawler reads them, through the whole HTTP stack.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Hono } from 'hono';
import { createTestShop, type TestShop } from '../testing/test-shop.ts';
import { sitemap, urlSet } from './sitemap.ts';

let shop: TestShop;
let adminCookie: string;
beforeAll(async () => {
  shop = await createTestShop();
  adminCookie = await shop.registerAdmin();
});
afterAll(() => shop.close());

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

async function readSitemap(path = '/sitemap.xml') {
  const res = await shop.fetch(path);
  const body = await res.text();
  expect(XMLValidator.validate(body)).toBe(true);
  return { res, body, xml: parser.parse(body) };
}
const locs = (xml: any): string[] => (xml.urlset?.url ?? []).map((u: { loc: string }) => u.loc);

async function adminMutation(path: string, input: unknown) {
  const res = await shop.mutate(path, input, adminCookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as any).result.data;
}

describe('robots.txt', () => {
  it('lets crawlers read the storefront but not private pages, and names the sitemap', async () => {
    const res = await shop.fetch('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toStartWith('text/plain');
    const lines = (await res.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of ['/admin', '/account', '/cart', '/checkout', '/orders', '/search', '/dev', '/jobs', '/trpc', '/reset-password', '/unsubscribe']) {
      expect(lines).toContain(`Disallow: ${path}`);
    }
    expect(lines.some((line) => /^Disallow: \/(?:$|product|category|img|assets)/.test(line))).toBe(false);
    expect(lines).toContain('Sitemap: http://localhost/sitemap.xml');
  });
});

describe('sitemap.xml', () => {
  it('is well-formed XML listing home, the content pages, every category with products and every active product', async () => {
    const { res, xml } = await readSitemap();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const listed = locs(xml);
    for (const path of ['/', '/about', '/shipping', '/returns', '/contact']) expect(listed).toContain(`http://localhost${path}`);

    const categories = (await shop.caller().product.categories()).filter((c) => c.productCount > 0);
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(listed).toContain(`http://localhost/category/${c.slug}`);

    const active: string[] = [];
    for (let page = 1, total = Infinity; active.length < total; page++) {
      const products = await shop.caller().product.list({ page, pageSize: 100 });
      total = products.total;
      active.push(...products.items.map((p) => `http://localhost/product/${p.slug}`));
    }
    expect(listed.filter((loc) => loc.includes('/product/')).sort()).toEqual(active.sort());
  });

  it('gives each product its last change as lastmod', async () => {
    const { xml } = await readSitemap();
    const product = await shop.caller().product.get({ slug: 'cafe-creme-espresso-beans' });
    const row = await shop.db.selectFrom('products').select('updatedAt').where('id', '=', product.id).executeTakeFirstOrThrow();
    const entry = xml.urlset.url.find((u: { loc: string }) => u.loc === 'http://localhost/product/cafe-creme-espresso-beans');
    expect(entry.lastmod).toBe(new Date(row.updatedAt).toISOString());
  });

  it('drops an archived product and lists a new one as soon as the admin has saved', async () => {
    const created = await adminMutation('admin.product.create', { name: 'Sitemap Test Kettle', priceCents: 3900, stock: 5, categories: ['coffee-tea'] });
    expect(locs((await readSitemap()).xml)).toContain(`http://localhost/product/${created.slug}`);

    await adminMutation('admin.product.archive', { id: created.id });
    expect(locs((await readSitemap()).xml)).not.toContain(`http://localhost/product/${created.slug}`);
  });

  it('names the host it was asked on', async () => {
    const res = await shop.app.fetch(new Request('https://shop.example/sitemap.xml'));
    expect(locs(parser.parse(await res.text()))).toContain('https://shop.example/');
  });

  it('escapes what XML reserves', () => {
    const body = urlSet('https://shop.example', [{ path: '/a?b=1&c=<2>' }]);
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain('<loc>https://shop.example/a?b=1&amp;c=&lt;2&gt;</loc>');
    expect(locs(parser.parse(body))).toEqual(['https://shop.example/a?b=1&c=<2>']);
  });

  it('becomes an index of parts when it holds more addresses than one file may', async () => {
    const { index, part } = sitemap(shop.db, (c) => new URL(c.req.url).origin, { maxUrls: 10 });
    const app = new Hono().get('/sitemap.xml', index).get('/sitemap/:file{[0-9]{1,6}\\.xml}', part);
    const get = async (path: string) => app.fetch(new Request(`https://shop.example${path}`));

    const indexXml = parser.parse(await (await get('/sitemap.xml')).text());
    const parts: string[] = indexXml.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    const whole = locs((await readSitemap()).xml).map((loc) => loc.replace('http://localhost', 'https://shop.example'));
    expect(parts).toHaveLength(Math.ceil(whole.length / 10));
    const fromParts: string[] = [];
    for (const loc of parts) {
      const res = await get(new URL(loc).pathname);
      expect(res.status).toBe(200);
      fromParts.push(...locs(parser.parse(await res.text())));
    }
    expect(fromParts).toEqual(whole);
    expect((await get(`/sitemap/${parts.length + 1}.xml`)).status).toBe(404);
  });
});

describe('absolute URLs with PUBLIC_URL set', () => {
  it("name PUBLIC_URL's origin in the sitemap, robots.txt and a page's canonical link, whatever Host or scheme a request came with", async () => {
    const site = await createTestShop({ env: { PUBLIC_URL: 'https://shop.example.com/' } });
    try {
      const asked = (path: string) => site.app.fetch(new Request(`http://evil.example${path}`));
      expect(locs(parser.parse(await (await asked('/sitemap.xml')).text())).every((url) => url.startsWith('https://shop.example.com/'))).toBe(true);
      expect(await (await asked('/robots.txt')).text()).toContain('Sitemap: https://shop.example.com/sitemap.xml');
      const page = await (await asked('/about')).text();
      expect(page).toMatch(/<link[^>]* rel="canonical" href="https:\/\/shop\.example\.com\/about"/);
      expect(page).not.toContain('evil.example');
    } finally {
      site.close();
    }
  });
});
