// Bundles a Worker module for Miniflare in tests (Bun's bundler, workerd conditions).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Miniflare options every test Worker shares: the bundle, Node compatibility, the CART objects. */
export function workerOptions(scriptPath: string) {
  return {
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: { CART: { className: 'CartObject', useSQLite: true } },
  } as const;
}

/** Builds `entry` into a fresh temp directory; returns the bundled script's path. */
export async function bundleWorker(entry: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'gomall-worker-'));
  const result = await Bun.build({ entrypoints: [entry], outdir, target: 'browser', format: 'esm', conditions: ['workerd', 'worker'], external: ['cloudflare:*'] });
  if (!result.success) throw new AggregateError(result.logs, `cannot bundle ${entry}`);
  return result.outputs[0]!.path;
}
