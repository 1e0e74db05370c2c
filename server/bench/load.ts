// The load generator: wrk when it is installed (a C client, cheaper per request
// than anything in JavaScript, so more of the machine goes to the server under
// test), otherwise autocannon from npm. Either way it runs outside the server's
// process, keeps `connections` requests in flight for `seconds`, and cycles
// through the given requests (rotating URLs, cookies and bodies).
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchRequest {
  method: 'GET' | 'POST';
  /** Path and query, already encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** Completed requests per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers (wrk: 4xx and 5xx), socket errors and timeouts. */
  errors: number;
  seconds: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
}

export type LoadTool = 'wrk' | 'autocannon';

export interface LoadGenerator {
  tool: LoadTool;
  /** `requests` are cycled through in order; each is sent once before any is sent again. */
  run(baseUrl: string, requests: BenchRequest[], options: LoadOptions): Promise<LoadResult>;
}

/** wrk if it is on the PATH (and BENCH_TOOL does not say autocannon), else autocannon. */
export function loadGenerator(prefer = process.env.BENCH_TOOL): LoadGenerator {
  if (prefer !== 'autocannon' && Bun.which('wrk')) return wrk;
  return autocannonGenerator;
}

const WRK_THREADS = 2;

/** One request as wrk sends it: the raw HTTP/1.1 bytes. */
function rawRequest(host: string, { method, path, headers = {}, body }: BenchRequest): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/**
 * A string literal Lua reads back byte for byte. JSON's escapes are Lua's for
 * everything a request holds (\r \n \t \" \\); other control characters would
 * come out as \uXXXX, which Lua does not know, so they are refused.
 */
function luaString(text: string): string {
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) throw new Error('a bench request holds a control character');
  return JSON.stringify(text);
}

/**
 * The wrk script: the requests preformatted in a table; thread t of n sends
 * requests t, t+n, t+2n… so no request goes out twice before all went once.
 * done() prints the summary as one JSON line.
 */
function wrkScript(host: string, requests: BenchRequest[], threads: number): string {
  // Filled by functions of at most CHUNK constants each: one table constructor
  // with tens of thousands of strings overflows LuaJIT's per-function limits.
  const CHUNK = 1000;
  const chunks: string[] = [];
  for (let start = 0; start < requests.length; start += CHUNK) {
    const items = requests.slice(start, start + CHUNK).map((r) => `  r[#r + 1] = ${luaString(rawRequest(host, r))}`);
    chunks.push(`;(function(r)\n${items.join('\n')}\nend)(requests)`);
  }
  return `local requests = {}
${chunks.join('\n')}
local count = #requests
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
local i
function init(args)
  i = tid
end
function request()
  local r = requests[(i % count) + 1]
  i = i + ${threads}
  return r
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;
}

const wrk: LoadGenerator = {
  tool: 'wrk',
  async run(baseUrl, requests, { seconds, connections }) {
    const dir = mkdtempSync(join(tmpdir(), 'gomall-wrk-'));
    try {
      const script = join(dir, 'requests.lua');
      // wrk wants at least one connection per thread.
      const threads = Math.min(WRK_THREADS, connections);
      writeFileSync(script, wrkScript(new URL(baseUrl).host, requests, threads));
      const proc = Bun.spawn(
        ['wrk', `-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, baseUrl],
        { stdout: 'pipe', stderr: 'pipe' },
      );
      const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
      const line = /^WRK_RESULT (.*)$/m.exec(out)?.[1];
      if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${out}${err}`);
      const r = JSON.parse(line) as { requests: number; durationUs: number; p50Us: number; p99Us: number; errors: number };
      const elapsed = r.durationUs / 1e6;
      return { rps: r.requests / elapsed, p50Ms: r.p50Us / 1000, p99Ms: r.p99Us / 1000, requests: r.requests, errors: r.errors, seconds: elapsed };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const autocannonGenerator: LoadGenerator = {
  tool: 'autocannon',
  async run(baseUrl, requests, { seconds, connections }) {
    let next = 0;
    const result = await autocannon({
      url: baseUrl,
      connections,
      duration: seconds,
      timeout: 5,
      requests: [
        {
          setupRequest: (req: any) => {
            const r = requests[next++ % requests.length]!;
            return { ...req, method: r.method, path: r.path, headers: { ...r.headers }, body: r.body };
          },
        },
      ],
    });
    const completed = result.requests.total;
    return {
      rps: completed / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: completed,
      errors: result.non2xx + result.errors + result.timeouts,
      seconds: result.duration,
    };
  },
};
