// Client bundle (hashed assets + manifest) for the storefront, each asset also
// precompressed (brotli and gzip) for servers that send files as they are, and
// checked to carry no server-only module.
import UnoCSS from '@unocss/vite';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import solid from 'vite-plugin-solid';
import { serverOnlyGuard } from './server/build/server-only-guard.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    UnoCSS({ configFile: 'client/uno.config.ts' }),
    solid({ ssr: true }),
    !isSsrBuild && serverOnlyGuard(),
    !isSsrBuild && compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir: 'dist/client',
    manifest: true,
    emptyOutDir: true,
    rollupOptions: {
      input: 'client/entry-client.tsx',
      // tRPC's client does not say it is free of side effects (its server package does):
      // without this its WebSocket link ships to every page unused.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]@trpc[\\/]client[\\/]/.test(id) },
    },
  },
}));
