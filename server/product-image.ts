// Product pictures are drawn here as SVG from the slug, so the shop needs no image
// host and never fetches from the internet. Deterministic: same slug, same picture.
import type { Handler } from 'hono';

const SLUG_SVG = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/;

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

function productImageSvg(slug: string): string {
  const h = hash(slug);
  const hue = h % 360;
  const words = slug.split('-').filter((w) => !/^\d+$/.test(w));
  const initials = words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
  const shape =
    h % 3 === 0
      ? `<circle cx="300" cy="110" r="90" fill="hsl(${(hue + 40) % 360} 70% 80%)"/>`
      : h % 3 === 1
        ? `<rect x="230" y="40" width="140" height="140" rx="24" fill="hsl(${(hue + 40) % 360} 70% 80%)"/>`
        : `<path d="M220 200 L310 40 L400 200 Z" fill="hsl(${(hue + 40) % 360} 70% 80%)"/>`;
  // The slug is [a-z0-9-] only (checked by the route), so it needs no escaping.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${words.join(' ')}">
<rect width="400" height="400" fill="hsl(${hue} 55% 92%)"/>
${shape}
<circle cx="110" cy="300" r="70" fill="hsl(${hue} 60% 70%)"/>
<text x="200" y="250" text-anchor="middle" font-family="system-ui, sans-serif" font-size="120" font-weight="700" fill="hsl(${hue} 50% 30%)">${initials}</text>
</svg>`;
}

/** GET /img/products/:file — :file is "<slug>.svg". */
export const productImage: Handler = (c) => {
  const match = SLUG_SVG.exec(c.req.param('file') ?? '');
  if (!match) return c.text('Not found', 404);
  return c.body(productImageSvg(match[1]!), 200, {
    'content-type': 'image/svg+xml; charset=utf-8',
    'cache-control': 'public, max-age=86400',
  });
};
