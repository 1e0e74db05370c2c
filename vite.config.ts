// Client bundle (hashed assets + manifest) for the storefront.
import UnoCSS from '@unocss/vite';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [UnoCSS({ configFile: 'client/uno.config.ts' }), solid({ ssr: true })],
  build: {
    outDir: 'dist/client',
    manifest: true,
    emptyOutDir: true,
    rollupOptions: { input: 'client/entry-client.tsx' },
  },
});
