// GET /sitemap.xml: the pages a search engine should know about (home, the content
// pages, every category with products, every active product), read from the catalog
// as it is now. Past the protocol's 50,000 addresses per file it becomes an index of
// /sitemap/<n>.xml parts (sitemaps.org).
import type { Context, Handler } from 'hono';
import { escapeToBuffer } from 'hono/utils/html';
import type { Db } from '../../db/database.ts';
import { catalogSitemap } from '../../routers/product/sitemap.ts';

/** The shop's own pages, listed whether or not the catalog changes. */
const STATIC_PATHS = ['/', '/about', '/shipping', '/returns', '/contact'];
export const MAX_URLS = 50_000;

interface SitemapUrl {
  path: string;
  /** Epoch ms of the last change, when known. */
  updatedAt?: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function xmlText(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

const loc = (origin: string, path: string) => `<loc>${xmlText(origin + path)}</loc>`;
const lastmod = (ms: number | undefined) => (ms === undefined ? '' : `<lastmod>${new Date(ms).toISOString()}</lastmod>`);

export function urlSet(origin: string, urls: SitemapUrl[]): string {
  const entries = urls.map((url) => `<url>${loc(origin, url.path)}${lastmod(url.updatedAt)}</url>\n`);
  return `${XML_HEAD}<urlset xmlns="${NAMESPACE}">\n${entries.join('')}</urlset>\n`;
}

function sitemapIndex(origin: string, parts: number): string {
  const entries = Array.from({ length: parts }, (_, i) => `<sitemap>${loc(origin, `/sitemap/${i + 1}.xml`)}</sitemap>\n`);
  return `${XML_HEAD}<sitemapindex xmlns="${NAMESPACE}">\n${entries.join('')}</sitemapindex>\n`;
}

async function sitemapUrls(db: Db): Promise<SitemapUrl[]> {
  const { categories, products } = await catalogSitemap(db);
  return [
    ...STATIC_PATHS.map((path) => ({ path })),
    ...categories.map((c) => ({ path: `/category/${encodeURIComponent(c.slug)}`, updatedAt: c.updatedAt })),
    ...products.map((p) => ({ path: `/product/${encodeURIComponent(p.slug)}`, updatedAt: p.updatedAt })),
  ];
}

// Never stored by a cache on the way: an archived product must leave the sitemap at once.
const xml = (body: string) =>
  new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-cache' } });

/** The sitemap and its parts; absolute URLs with `origin` (PUBLIC_URL's, else the one asked), as the pages' own. */
export function sitemap(db: Db, origin: (c: Context) => string, { maxUrls = MAX_URLS } = {}): { index: Handler; part: Handler } {
  return {
    index: async (c) => {
      const urls = await sitemapUrls(db);
      const site = origin(c);
      return xml(urls.length <= maxUrls ? urlSet(site, urls) : sitemapIndex(site, Math.ceil(urls.length / maxUrls)));
    },
    part: async (c) => {
      // Routed as /sitemap/:file{[0-9]{1,6}\.xml}.
      const n = Number.parseInt(c.req.param('file') ?? '', 10);
      const urls = await sitemapUrls(db);
      if (urls.length <= maxUrls || n < 1 || (n - 1) * maxUrls >= urls.length) return c.notFound();
      return xml(urlSet(origin(c), urls.slice((n - 1) * maxUrls, n * maxUrls)));
    },
  };
}
