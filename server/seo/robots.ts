// GET /robots.txt: crawlers may read the storefront (home, categories, products, content
// pages, product images and the client bundle that draws them), not the pages that are
// one visitor's own, tokens in links, the admin console or the machinery behind the pages.
import type { Handler } from 'hono';

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

// Served for the host it was asked on, as the pages' absolute URLs are (client/site.ts).
export const robots: Handler = (c) => c.text(robotsTxt(new URL(c.req.url).origin), 200, { 'cache-control': 'public, max-age=3600' });
