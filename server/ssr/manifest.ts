// Reads Vite's manifest to find the hashed client entry, the chunks it imports and its CSS.
import type { ClientAssets } from './document.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  isEntry?: boolean;
  imports?: string[];
}

export function assetsFromManifest(manifest: Record<string, ManifestChunk>): ClientAssets {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The client manifest has no entry chunk: run `npm run build`.');
  return {
    script: `/${entry.file}`,
    preloads: (entry.imports ?? []).flatMap((key) => (manifest[key] ? [`/${manifest[key].file}`] : [])),
    styles: (entry.css ?? []).map((file) => `/${file}`),
  };
}
