// `npm run icons`: the favicon (SVG), the Apple touch icon and the web app icons (PNG)
// and the web app manifest, written to public/ from the brand mark (client/brand-mark.ts).
// The outputs are committed; run this again after changing the mark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { BRAND_MARK_SVG } from '../client/brand-mark.ts';

const PUBLIC_DIR = join(import.meta.dir, '..', 'public');
/** Apple draws its own rounded corners and shows transparency as black: a full-bleed square for it. */
const FULL_BLEED = BRAND_MARK_SVG.replace('rx="15"', 'rx="0"');

function png(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

const manifest = {
  name: 'GoMall',
  short_name: 'GoMall',
  description: 'Everyday essentials, fairly priced, shipped fast.',
  start_url: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0f766e',
  icons: [
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

mkdirSync(PUBLIC_DIR, { recursive: true });
const files: [string, string | Buffer][] = [
  ['favicon.svg', `${BRAND_MARK_SVG}\n`],
  ['apple-touch-icon.png', png(FULL_BLEED, 180)],
  ['icon-192.png', png(BRAND_MARK_SVG, 192)],
  ['icon-512.png', png(BRAND_MARK_SVG, 512)],
  ['site.webmanifest', `${JSON.stringify(manifest, null, 2)}\n`],
];
for (const [name, content] of files) {
  writeFileSync(join(PUBLIC_DIR, name), content);
  console.log(`public/${name}`);
}
