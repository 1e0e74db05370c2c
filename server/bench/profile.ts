// Reads a `bun --cpu-prof` profile (Chrome .cpuprofile format) into the
// functions that took the most samples: self (the function itself was running)
// and total (it or what it called). Bun samples JavaScript on the main thread,
// so the shares are of the server's JavaScript time; native work inside Bun's
// HTTP server between requests shows up only as time between samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

export interface HotFunction {
  /** `name (file:line)`, the file relative to the project (packages by name). */
  name: string;
  /** Share of the samples, 0..1. */
  self: number;
  total: number;
}

export interface ProfileSummary {
  samples: number;
  /** By self samples, highest first. */
  self: HotFunction[];
  /** By total samples, highest first, the project's own and package code only (no runtime internals). */
  total: HotFunction[];
}

/** A short, stable location: project files relative to the root, packages by package name. */
function where(url: string, line: number): string {
  if (!url) return 'native';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  const file = pkg ? `${pkg[1]}/${pkg[2]!.split('/').pop()}` : relative(process.cwd(), path);
  return `${file}:${line + 1}`;
}

const IGNORED = new Set(['(root)', '(idle)', '(program)']);

export function summarizeProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} (${where(n.callFrame.url, n.callFrame.lineNumber)})`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let counted = 0;
  for (const id of profile.samples) {
    const node = byId.get(id);
    if (!node || IGNORED.has(node.callFrame.functionName)) continue;
    counted++;
    self.set(key(node), (self.get(key(node)) ?? 0) + 1);
    // Each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      if (IGNORED.has(at.callFrame.functionName) || !at.callFrame.url) continue;
      const k = key(at);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + 1);
      seen.add(k);
    }
  }
  const ranked = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, n]) => ({ name, self: (self.get(name) ?? 0) / counted, total: (total.get(name) ?? n) / counted }));
  return { samples: counted, self: ranked(self), total: ranked(total) };
}

/** The summary of the one .cpuprofile bun wrote into `dir`. */
export function readProfile(dir: string, top?: number): ProfileSummary {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, top);
}
