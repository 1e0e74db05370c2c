// One simulated browser: its own cookies (guest cart, session), full page loads
// and tRPC calls as the shop's pages make them, each timed and counted.
import type { Counts, Latencies } from './stats.ts';

export interface Recorder {
  counts: Counts;
  latencies: Latencies;
  /** The first few failures, described, for the summary. */
  failures: string[];
}

/** A failed request (5xx, no answer, or a 4xx this traffic should never get): the visit ends there. */
export class VisitFailed extends Error {}

export type Outcome<T> = { ok: true; data: T } | { ok: false; status: number; reason: string };

const MAX_FAILURES_KEPT = 20;
const TIMEOUT_MS = 30_000;

export class Visitor {
  readonly #cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly recorder: Recorder,
  ) {}

  /** Another browser of the same run, signed in with that session cookie (`name=value`). */
  as(cookie: string): Visitor {
    const other = new Visitor(this.base, this.recorder);
    other.useCookie(cookie);
    return other;
  }

  /** Signs this browser in with an existing session cookie (`name=value`). */
  useCookie(pair: string): void {
    const at = pair.indexOf('=');
    this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }

  cookie(name: string): string | undefined {
    const value = this.#cookies.get(name);
    return value === undefined ? undefined : `${name}=${value}`;
  }

  /** A full page load (server-rendered HTML). */
  async page(path: string): Promise<void> {
    const res = await this.#send('GET', path);
    this.recorder.counts.pages++;
    if (res.status !== 200) this.#fail(`GET ${path}`, res.status, (await res.text()).slice(0, 200));
    await res.arrayBuffer();
  }

  query<T>(procedure: string, input?: unknown, allowed: string[] = []): Promise<Outcome<T>> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.#call<T>('GET', `/trpc/${procedure}${query}`, undefined, allowed);
  }

  mutation<T>(procedure: string, input: unknown, allowed: string[] = []): Promise<Outcome<T>> {
    return this.#call<T>('POST', `/trpc/${procedure}`, JSON.stringify(input), allowed);
  }

  /** `allowed`: domain reasons (error.data.reason) that are part of shopping, not failures. */
  async #call<T>(method: 'GET' | 'POST', path: string, body: string | undefined, allowed: string[]): Promise<Outcome<T>> {
    const res = await this.#send(method, path, body);
    const text = await res.text();
    const json = (() => {
      try {
        return JSON.parse(text) as { result?: { data: T }; error?: { message: string; data?: { reason?: string; code?: string } } };
      } catch {
        return undefined;
      }
    })();
    if (res.status === 200 && json?.result) return { ok: true, data: json.result.data };
    const reason = json?.error?.data?.reason ?? json?.error?.data?.code ?? String(res.status);
    if (res.status >= 400 && res.status < 500 && allowed.includes(reason)) {
      this.recorder.counts.refusals++;
      return { ok: false, status: res.status, reason };
    }
    return this.#fail(`${method} ${path.split('?')[0]}`, res.status, json?.error?.message ?? text.slice(0, 200));
  }

  async #send(method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.#cookies.size) headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // The shop's own pages send their origin with every write (its same-origin check).
    if (method === 'POST') Object.assign(headers, { origin: new URL(this.base).origin, 'content-type': 'application/json' });
    const started = performance.now();
    this.recorder.counts.requests++;
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      this.recorder.counts.networkErrors++;
      this.#note(`${method} ${path.split('?')[0]}: ${(error as Error).message}`);
      throw new VisitFailed((error as Error).message);
    }
    this.recorder.latencies.add(performance.now() - started);
    for (const header of res.headers.getSetCookie()) this.#remember(header);
    return res;
  }

  #remember(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }

  #fail(what: string, status: number, detail: string): never {
    if (status >= 500) this.recorder.counts.serverErrors++;
    else this.recorder.counts.unexpected++;
    this.#note(`${what} → ${status}: ${detail.replace(/\s+/g, ' ').slice(0, 200)}`);
    throw new VisitFailed(`${what} → ${status}`);
  }

  #note(line: string): void {
    if (this.recorder.failures.length < MAX_FAILURES_KEPT) this.recorder.failures.push(line);
  }
}
