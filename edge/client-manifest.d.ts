// Vite's client manifest (dist/client/.vite/manifest.json), inlined into the Worker
// by edge/build.ts: the Worker has no file system to read it from.
declare module 'gomall:client-manifest' {
  import type { assetsFromManifest } from '../server/ssr/manifest.ts';
  const manifest: Parameters<typeof assetsFromManifest>[0];
  export default manifest;
}
