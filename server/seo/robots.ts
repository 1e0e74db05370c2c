// GET /robots.txt: crawlers may read the storefront (home, categories, products, content
// pages, product images and the client bundle that draws them), not the pages that are
// one visitor's own, tokens in links, the admin console or the machinery behind the pages.
import type { Context, Handler } from 'hono';

/** Path prefixes no crawler should fetch; the pages among them also say noindex (client/components/page-meta.tsx). */
const PRIVATE_PATHS = [
  '/account',
  '/admin',
  '/cart',
  '/checkout',
  '/orders',
  '/search',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password',
  '/unsubscribe',
  '/dev',
  '/jobs',
  '/trpc',
  '/healthz',
  '/metrics',
];

function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Allow: /', ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`), '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}

/** `origin`: the site's origin for a request (PUBLIC_URL's, else the one asked), as the pages' absolute URLs use. */
export const robots =
  (origin: (c: Context) => string): Handler =>
  (c) =>
    c.text(robotsTxt(origin(c)), 200, { 'cache-control': 'public, max-age=3600' });
