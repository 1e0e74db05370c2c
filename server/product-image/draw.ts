// The SVG views of a product picture: 1 the object on a disc, 2 a close-up, 3 a pattern of it in its
// colourway, 4 the object on a shelf. All drawn from the motif, so the same slug gives the same bytes.
import { ICONS, type IconName } from './icons.ts';
import type { Motif } from './motif.ts';

interface Palette {
  light: string;
  mid: string;
  disc: string;
  ink: string;
  accent: string;
}

function palette({ hue, saturation: s }: Motif): Palette {
  const accentHue = (hue + 35) % 360;
  return {
    light: `hsl(${hue} ${Math.round(s * 0.6 + 12)}% 95%)`,
    mid: `hsl(${hue} ${Math.round(s * 0.7 + 10)}% 87%)`,
    disc: `hsl(${accentHue} ${Math.round(s * 0.8 + 10)}% 80%)`,
    ink: `hsl(${hue} ${Math.min(s + 12, 70)}% ${s < 20 ? 22 : 30}%)`,
    accent: `hsl(${accentHue} ${Math.min(s + 20, 75)}% 55%)`,
  };
}

/** The icon drawn in `color` in a size×size box at (x, y); its duotone fill is the same colour, lighter. */
function icon(name: IconName, x: number, y: number, size: number, color: string, extra = ''): string {
  const { viewBox, body } = ICONS[name];
  return `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="${viewBox}" color="${color}"${extra}>${body}</svg>`;
}

/** Small dots around the object; where they fall comes from the seed. */
function sparkles(seed: number, color: string): string {
  return [0, 1, 2, 3]
    .map((i) => {
      const bits = (seed >>> (i * 8)) & 0xff;
      const angle = (i * 90 + (bits % 60) + 20) * (Math.PI / 180);
      const r = 150 + (bits % 25);
      const cx = Math.round(200 + Math.cos(angle) * r);
      const cy = Math.round(190 + Math.sin(angle) * r * 0.9);
      return `<circle cx="${cx}" cy="${cy}" r="${4 + (bits % 5)}" fill="${color}" opacity=".55"/>`;
    })
    .join('');
}

const frame = (p: Palette) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.light}"/><stop offset="1" stop-color="${p.mid}"/></linearGradient></defs>` +
  `<rect width="400" height="400" fill="url(#bg)"/>`;

const VIEWS: ((m: Motif, p: Palette) => string)[] = [
  (m, p) =>
    frame(p) +
    `<circle cx="200" cy="190" r="138" fill="${p.disc}" opacity=".55"/>` +
    `<ellipse cx="200" cy="338" rx="112" ry="13" fill="${p.ink}" opacity=".12"/>` +
    sparkles(m.seed, p.accent) +
    icon(m.icon, 82, 72, 236, p.ink),
  (m, p) => {
    const tilt = (m.seed % 2 ? -1 : 1) * (8 + (m.seed % 9));
    return (
      `<rect width="400" height="400" fill="${p.mid}"/>` +
      `<circle cx="120" cy="110" r="220" fill="${p.light}" opacity=".7"/>` +
      `<g transform="rotate(${tilt} 200 200)">${icon(m.icon, -30, 10, 430, p.ink)}</g>`
    );
  },
  (m, p) =>
    `<defs><pattern id="tile" width="80" height="80" patternUnits="userSpaceOnUse">` +
    icon(m.icon, 8, 8, 30, p.ink, ' opacity=".45"') +
    icon(m.icon, 48, 46, 26, p.accent, ' opacity=".6"') +
    `</pattern></defs>` +
    `<rect width="400" height="400" fill="${p.mid}"/><rect width="400" height="400" fill="url(#tile)"/>` +
    `<rect x="90" y="80" width="220" height="220" rx="28" fill="${p.light}" stroke="${p.disc}" stroke-width="6"/>` +
    icon(m.icon, 125, 115, 150, p.ink) +
    [p.ink, p.accent, p.disc]
      .map((fill, i) => `<circle cx="${160 + i * 40}" cy="340" r="14" fill="${fill}" stroke="${p.light}" stroke-width="4"/>`)
      .join(''),
  (m, p) =>
    `<rect width="400" height="400" fill="${p.light}"/>` +
    `<rect x="236" y="52" width="112" height="132" rx="6" fill="${p.mid}" stroke="${p.ink}" stroke-opacity=".25" stroke-width="6"/>` +
    icon(m.icon, 262, 88, 60, p.accent, ' opacity=".8"') +
    `<rect y="306" width="400" height="94" fill="${p.mid}"/>` +
    `<rect y="296" width="400" height="14" fill="${p.disc}"/>` +
    `<ellipse cx="150" cy="300" rx="92" ry="9" fill="${p.ink}" opacity=".15"/>` +
    icon(m.icon, 50, 104, 200, p.ink) +
    icon('potted-plant', 262, 196, 104, 'hsl(140 35% 32%)'),
];

export function drawProductImage(motif: Motif, view: number, label: string): string {
  const draw = VIEWS[view - 1];
  if (!draw) throw new RangeError(`A product picture has views 1 to ${VIEWS.length}, not ${view}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${label}">${draw(motif, palette(motif))}</svg>`;
}
