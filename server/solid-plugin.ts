// Compiles Solid JSX for Bun (dev server, start, tests): Bun's own JSX transform
// does not produce Solid's SSR output, so .tsx/.jsx go through babel-preset-solid.
import type { BunPlugin } from 'bun';

export function solidPlugin(generate: 'ssr' | 'dom' = 'ssr'): BunPlugin {
  return {
    name: 'solid-jsx',
    setup(build) {
      build.onLoad({ filter: /\.[jt]sx$/ }, async ({ path }) => {
        // Lazy import: Babel costs ~300 ms to load and most processes never need it.
        const { transformAsync } = await import('@babel/core');
        const source = await Bun.file(path).text();
        const result = await transformAsync(source, {
          filename: path,
          babelrc: false,
          configFile: false,
          sourceMaps: 'inline',
          parserOpts: { plugins: ['jsx', 'typescript'] },
          presets: [['babel-preset-solid', { generate, hydratable: true }]],
        });
        return { contents: result?.code ?? '', loader: path.endsWith('.tsx') ? 'ts' : 'js' };
      });
    },
  };
}
