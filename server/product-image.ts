// Product pictures are drawn here as SVG from the slug, so the shop needs no image
// host and never fetches from the internet. Deterministic: same slug, same picture.
import type { Handler } from 'hono';
import { PRODUCT_IMAGE_VIEWS } from '../routers/product/image-path.ts';
import { drawProductImage } from './product-image/draw.ts';
import { motifFor } from './product-image/motif.ts';

/** "<slug>.svg", or "<slug>.<view>.svg" for the other views (routers/product/image-path.ts). */
const SLUG_SVG = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([2-9]))?\.svg$/;

/** The SVG of view `view` (1-based) of the slug's picture, or undefined when there is no such view. */
export function productImageSvg(slug: string, view = 1): string | undefined {
  if (view < 1 || view > PRODUCT_IMAGE_VIEWS.length) return undefined;
  // The slug is [a-z0-9-] only (checked by the route), so its words need no escaping.
  const words = slug.split('-').filter((w) => !/^\d+$/.test(w));
  return drawProductImage(motifFor(slug), view, words.join(' '));
}

/** GET /img/products/:file — :file is "<slug>.svg" or "<slug>.<view>.svg". */
export const productImage: Handler = (c) => {
  const match = SLUG_SVG.exec(c.req.param('file') ?? '');
  const svg = match ? productImageSvg(match[1]!, Number(match[2] ?? 1)) : undefined;
  if (!svg) return c.text('Not found', 404);
  return c.body(svg, 200, {
    'content-type': 'image/svg+xml; charset=utf-8',
    'cache-control': 'public, max-age=86400',
  });
};
