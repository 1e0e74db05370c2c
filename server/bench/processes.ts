// The processes under test: a bare Bun.serve (the baseline) and the shop in
// production mode, each a child process on a free port of 127.0.0.1, plus the
// resident memory of a process as Linux reports it.
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ServerProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  pid: number;
  /** Asks the process to stop (SIGTERM, as a supervisor would) and waits for it. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** Every child still running, so an interrupted benchmark stops them all (stopAll). */
const running = new Set<{ kill(signal?: number | NodeJS.Signals): void }>();

/** Kills every server this process started that is still running. */
export function stopAll(): void {
  for (const proc of running) proc.kill('SIGKILL');
  running.clear();
}

/** Interrupted (Ctrl-C, a supervisor): every server stopped, then `cleanUp` (temporary files, a browser), then exit. */
export function stopAllOnInterrupt(cleanUp: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll();
      cleanUp();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Starts `bun <args>` and waits for it to print the address it listens on. */
export async function spawnServer(name: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<ServerProcess> {
  const proc = Bun.spawn([process.execPath, ...args], { cwd, env: { ...process.env, ...env }, stdout: 'pipe', stderr: 'pipe' });
  running.add(proc);
  void proc.exited.then(() => running.delete(proc));
  const reader = proc.stdout.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => proc.kill(), START_TIMEOUT_MS);
  // Keep draining stderr too: a child blocked on a full pipe would stall the benchmark.
  const stderr = new Response(proc.stderr).text();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`${name} exited before listening:\n${text}\n${await stderr}`);
      text += decoder.decode(value, { stream: true });
      const port = /https?:\/\/[\w.[\]:-]+?:(\d+)/.exec(text)?.[1];
      if (port) break;
    }
  } finally {
    clearTimeout(timer);
  }
  const port = /https?:\/\/[\w.[\]:-]+?:(\d+)/.exec(text)![1];
  // The request log goes on while the benchmark runs: read and dropped.
  void (async () => {
    while (!(await reader.read()).done);
  })();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    async stop() {
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await proc.exited;
      clearTimeout(killer);
    },
  };
}

/** The baseline: Bun.serve answering "hello", nothing else. */
export function startBaseline(): Promise<ServerProcess> {
  return spawnServer('baseline', [
    '-e',
    `const s = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('hello') });
     console.log('http://127.0.0.1:' + s.port);
     process.on('SIGTERM', () => process.exit(0));`,
  ]);
}

export interface ShopOptions {
  /** Where the shop runs: a folder holding the build (dist/) it serves. */
  cwd: string;
  databaseUrl: string;
  secret: string;
  /** Extra arguments for bun before the entry (e.g. --cpu-prof). */
  bunArgs?: string[];
}

/** The shop as `npm start` runs it: production mode, the built bundles. */
export function startShop({ cwd, databaseUrl, secret, bunArgs = [] }: ShopOptions): Promise<ServerProcess> {
  return spawnServer(
    'shop',
    [...bunArgs, '--conditions=solid', resolve('server/main.ts')],
    { NODE_ENV: 'production', PORT: '0', DATABASE_URL: databaseUrl, SESSION_SECRET: secret, MAIL_TRANSPORT: 'log' },
    cwd,
  );
}

/**
 * A copy of the build (dist/client, dist/server) in `dir` for the shop to run from, so
 * a rebuild during the run (another terminal, a test) cannot pull it from under the
 * benchmark. Packages resolve through a link to the project's node_modules.
 */
export function snapshotBuild(dir: string): void {
  for (const part of ['dist/client', 'dist/server']) cpSync(part, join(dir, part), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
}

/** Resident set size now and its peak so far, in bytes (null where /proc is not there). */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU time the process has used so far (user + system), in seconds; null where /proc is not there. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th field, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
