// Starts a shop entry as its own process for a test (Bun: server/main.ts, Deno:
// server/deno.ts), production mode on a free port, and stops it.
import { randomSecret } from '../../routers/config.ts';

export const DENO = 'node_modules/.bin/deno';

export interface ServerProcess {
  url: string;
  /** What the shop printed up to its "listening on" line. */
  output: string;
  /** SIGTERM (the shop closes its server, runner and database), then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** `npm start`: the production shop on Bun. */
export const startBun = (env: Record<string, string>) => startServer([process.execPath, '--conditions=solid', 'server/main.ts'], { NODE_ENV: 'production', ...env });

/** `npm run start:deno`: the production shop on Deno. */
export const startDeno = (env: Record<string, string>) => startServer([DENO, 'run', '-A', 'server/deno.ts'], { NO_COLOR: '1', ...env });

/** Runs `command` with `env` on top of PATH, PORT=0 and a SESSION_SECRET; resolves once the shop listens. */
export async function startServer(command: string[], env: Record<string, string>): Promise<ServerProcess> {
  const proc = Bun.spawn(command, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', SESSION_SECRET: randomSecret(), ...env },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    // A shop that hangs is killed, so the test fails instead of waiting forever.
    timeout: 120_000,
  });
  const stop = async () => {
    proc.kill('SIGTERM');
    // A shop that does not close within 10 s is killed (and the exit still awaited).
    const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await proc.exited;
    clearTimeout(killer);
  };
  let output = '';
  const lines = proc.stdout.getReader();
  const stderr = new Response(proc.stderr).text();
  try {
    while (!/listening on \S+\n/.test(output)) {
      const { value, done } = await lines.read();
      if (done) throw new Error(`the shop stopped: ${output}${await stderr}`);
      output += new TextDecoder().decode(value);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // The rest of its output (request log lines) is read and dropped, so the pipe never fills.
  void (async () => {
    while (!(await lines.read()).done);
  })();
  return { url: /listening on (\S+)/.exec(output)![1]!, output, stop };
}
