// robots.txt, the sitemap and a page's canonical address from the built Worker in
// workerd (Miniflare), its catalog read over libSQL HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startShopWorker, type ShopWorker } from '../../edge/testing/shop-worker.ts';

let worker: ShopWorker;
beforeAll(async () => {
  worker = await startShopWorker({ onStdout: () => {} });
}, 30_000);
afterAll(() => worker?.close());

const get = (path: string) => worker.mf.dispatchFetch(`${worker.origin}${path}`) as unknown as Promise<Response>;

describe('search engine files on the Worker', () => {
  it('serves robots.txt naming its sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toStartWith('text/plain');
    const text = await res.text();
    expect(text).toContain('Disallow: /checkout\n');
    expect(text).toContain(`Sitemap: ${worker.origin}/sitemap.xml`);
  });

  it('serves a well-formed sitemap of the catalog and pages that name their canonical address', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const locs: string[] = new XMLParser().parse(body).urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toContain(`${worker.origin}/`);
    expect(locs).toContain(`${worker.origin}/category/coffee-tea`);
    const product = `${worker.origin}/product/cafe-creme-espresso-beans`;
    expect(locs).toContain(product);

    const html = await (await get('/product/cafe-creme-espresso-beans?utm_source=x')).text();
    expect(html.match(/<link[^>]*rel="canonical"[^>]*>/g)).toEqual([expect.stringContaining(`href="${product}"`)]);
  });
});
