// The HTML shell around a server-rendered page. The mount element (#app) is ours,
// not Solid's, so hydrate() can claim what is inside it.
import { generateHydrationScript as hydrationScript } from 'solid-js/web';

// TypeScript sees solid-js/web's browser types; the server build takes options.
const generateHydrationScript = hydrationScript as unknown as (options: { nonce?: string }) => string;
import { escapeToBuffer } from 'hono/utils/html';
import type { RenderedPage } from '../../client/entry-server.tsx';

/** Text escaped for a double-quoted HTML attribute. */
function attribute(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

export interface ClientAssets {
  /** Public URL of the entry script, e.g. /assets/entry-client-abc123.js */
  script: string;
  /** The chunks the entry imports, fetched beside it rather than after it. */
  preloads: string[];
  styles: string[];
}

/**
 * The entry is a plain module script, which runs once the whole document is parsed.
 * Never `async`: a cached script would then hydrate half a page on a slow connection.
 * `nonce`: the page's Content-Security-Policy nonce, carried by every inline script. */
export function renderDocument(page: RenderedPage, assets: ClientAssets, nonce: string): string {
  const styles = assets.styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="manifest" href="/site.webmanifest">
<meta name="theme-color" content="#0f766e">
${page.head}
${styles}
${generateHydrationScript({ nonce })}
<script type="module" src="${assets.script}"></script>
${assets.preloads.map((href) => `<link rel="modulepreload" href="${href}">`).join('')}
</head>
<body>
<div id="app" data-path="${attribute(page.path)}">${page.body}</div>
</body>
</html>`;
}
