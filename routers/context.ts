// The per-request context every procedure receives. Built once per request by
// the HTTP layer (tRPC and SSR share it), or directly by tests.
import type { Config } from './config.ts';
import type { CartStore, Clock, Db, MailTransport, Metrics, RecentErrors, Scheduler, Tracing } from './ports.ts';

export interface SessionUser {
  userId: number;
  role: 'customer' | 'admin';
  sessionId: string;
}

/** What the app is built from: the adapters of one runtime plus config. */
export interface AppDeps {
  db: Db;
  carts: CartStore;
  scheduler: Scheduler;
  mail: MailTransport;
  clock: Clock;
  config: Config;
  /** Counts domain events for GET /metrics; absent when metrics are off. */
  metrics?: Metrics;
  /** The errors this process logged lately (admin dashboard); absent where none are kept. */
  recentErrors?: RecentErrors;  /** Spans around procedures and page renders; absent when tracing is off. */
  tracing?: Tracing;
}

export interface Context extends AppDeps {
  session: SessionUser | null;
  /** The request's headers (cookies, origin); empty for in-process callers. */
  reqHeaders: Headers;
  /** Headers to add to the response (Set-Cookie from procedures goes here). */
  resHeaders: Headers;
  requestId: string;
  /** The shop's origin as this request reached it; decides whether cookies are Secure. */
  origin: string;
  /** The client's network address (login rate limit); 'unknown' when the runtime does not say. */
  clientAddress: string;
}

export interface RequestFacts {
  origin?: string;
  clientAddress?: string;
}

export function createContext(
  deps: AppDeps,
  requestId: string,
  reqHeaders = new Headers(),
  resHeaders = new Headers(),
  { origin = 'http://localhost', clientAddress = 'unknown' }: RequestFacts = {},
): Context {
  return { ...deps, session: null, reqHeaders, resHeaders, requestId, origin, clientAddress };
}
