// Bundles a Worker module for Miniflare in tests (Bun's bundler, workerd conditions).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { WorkerOptions } from 'miniflare';

/**
 * Miniflare options every test Worker shares: the bundle, Node compatibility, the
 * CART objects and (for a bundle that exports OrderTimer, like the shop's Worker) the ORDER_TIMER ones.
 */
export function workerOptions(scriptPath: string, { orderTimers = false } = {}): WorkerOptions {
  return {
    // The one module listed, as wrangler uploads it: Miniflare's own import walk
    // (`modules: true`) refuses the QStash SDK's computed `import()`s of its dev
    // server (node:child_process…), which never run on Workers.
    modules: [{ type: 'ESModule', path: scriptPath }],
    modulesRoot: dirname(scriptPath),
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: {
      CART: { className: 'CartObject', useSQLite: true },
      ...(orderTimers && { ORDER_TIMER: { className: 'OrderTimer', useSQLite: true } }),
    },
  };
}

/** Builds `entry` into a fresh temp directory; returns the bundled script's path. */
export async function bundleWorker(entry: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'gomall-worker-'));
  const result = await Bun.build({ entrypoints: [entry], outdir, target: 'browser', format: 'esm', conditions: ['workerd', 'worker'], external: ['cloudflare:*'] });
  if (!result.success) throw new AggregateError(result.logs, `cannot bundle ${entry}`);
  return result.outputs[0]!.path;
}
