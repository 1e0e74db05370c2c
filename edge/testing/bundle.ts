// Bundles a Worker module for Miniflare in tests (Bun's bundler, workerd conditions).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds `entry` into a fresh temp directory; returns the bundled script's path. */
export async function bundleWorker(entry: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'gomall-worker-'));
  const result = await Bun.build({ entrypoints: [entry], outdir, target: 'browser', format: 'esm', conditions: ['workerd', 'worker'], external: ['cloudflare:*'] });
  if (!result.success) throw new AggregateError(result.logs, `cannot bundle ${entry}`);
  return result.outputs[0]!.path;
}
