// A complete shop for one test file: fresh temporary database (migrated and
// seeded), the real app, a manual clock, and helpers to call it in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller } from '../../routers/index.ts';
import { createApp } from '../app.ts';
import { readConfig, type Mode } from '../../routers/config.ts';
import { SESSION_COOKIE } from '../../routers/user/cookie.ts';
import { resolveSession } from '../../routers/user/session.ts';
import { createContext, type SessionUser } from '../../routers/context.ts';
import { localCartStore } from '../local/cart-store.ts';
import { jobRunner } from '../local/scheduler.ts';
import { schedulerFor } from '../scheduler-for.ts';
import { mailboxTransport } from '../mail/transports.ts';
import { loadRenderer, prepareDatabase, readClientAssets } from '../local/boot.ts';
import { manualClock } from './clock.ts';
import { recordingLogger } from './logger.ts';
import { observability } from '../observability.ts';

/** Sessions for in-process callers (shop.caller(ADMIN)); no account row is needed. */
export const ADMIN: SessionUser = { userId: 1, role: 'admin', sessionId: 'test-admin' };
export const CUSTOMER: SessionUser = { userId: 2, role: 'customer', sessionId: 'test-customer' };

export interface TestShopOptions {
  mode?: Mode;
  env?: Record<string, string>;
}

export async function createTestShop({ mode = 'test', env = {} }: TestShopOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gomall-test-'));
  const config = readConfig({ DATABASE_URL: `file:${join(dir, 'shop.db')}`, ...env }, mode);
  // `logger` records what the code logs; `ops.logger` (what the shop is given) also keeps the recent errors.
  const logger = recordingLogger(config.logFormat);
  const clock = manualClock();
  const ops = await observability(config, logger, clock);
  const { db } = await prepareDatabase(config, ops.logger, clock, ops.databaseLog);
  const carts = localCartStore(db, clock);
  // SCHEDULER in `env` picks it (local unless said otherwise).
  const scheduler = ops.scheduler(schedulerFor(config, db, clock));
  const mail = mailboxTransport(db, clock, config.mailFrom);
  const deps = { db, carts, scheduler, mail, clock, config, ...ops.deps };
  // Not started: tests move the clock and run due jobs themselves (jobs.runDue()).
  const jobs = jobRunner({ deps, logger: ops.logger, retryDelayMs: 1000, tracing: ops.tracing });
  const app = createApp({ deps, logger: ops.logger, assets: readClientAssets(), render: await loadRenderer(false), metrics: ops.metrics, tracing: ops.tracing });
  const fetch = (path: string, init?: RequestInit) => app.fetch(new Request(`http://localhost${path}`, init));
  /** A page as its reader sees the text: without Solid's hydration markers (<!--$-->), which split it. */
  const page = async (path: string, init?: RequestInit) => {
    const res = await fetch(path, init);
    return { status: res.status, html: (await res.text()).replace(/<!--[\s\S]*?-->/g, '') };
  };
  let accounts = 0;

  /** Calls a tRPC mutation over HTTP from the shop's own origin, as the browser does. */
  const mutate = (path: string, input: unknown, cookie?: string) =>
    fetch(`/trpc/${path}`, {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json', ...(cookie && { cookie }) },
      body: JSON.stringify(input),
    });

  /** Signs in over HTTP (register or login); returns the session cookie and who it is. */
  const sessionFrom = async (res: Response) => {
    const body = (await res.json()) as any;
    if (!res.ok) throw new Error(`sign-in failed (${res.status}): ${body.error?.message}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
    if (!cookie) throw new Error('no session cookie was set');
    const session = await resolveSession({ ...createContext(deps, 'test'), reqHeaders: new Headers({ cookie }) });
    return { cookie, session: session!, user: body.result.data as { id: number; email: string; name: string; role: string } };
  };

  return {
    app,
    page,
    db,
    carts,
    scheduler,
    mail,
    jobs,
    clock,
    config,
    logger,
    /** The shop's metrics, when METRICS_TOKEN or METRICS_PORT is in `env`. */
    metrics: ops.metrics,
    /** The shop's tracing, when OTEL_EXPORTER_OTLP_ENDPOINT is in `env` (flush() sends the spans). */
    tracing: ops.tracing,
    recentErrors: ops.deps.recentErrors,
    /** A request context as the HTTP layer builds it, for domain functions that take one. */
    context(session: SessionUser | null = null, reqHeaders = new Headers()) {
      return { ...createContext(deps, 'test', reqHeaders), session };
    },
    /** Calls procedures in-process, as the given user (or signed out). */
    caller(session: SessionUser | null = null) {
      return createCaller({ ...createContext(deps, 'test'), session });
    },
    /** A request through the whole HTTP stack, without a socket. */
    fetch,
    mutate,
    /** Creates an account (a fresh email unless given) and signs it in. */
    async register(input: { email?: string; password?: string; name?: string } = {}) {
      const password = input.password ?? 'correct horse battery';
      const email = input.email ?? `shopper${++accounts}@example.com`;
      const res = await mutate('user.register', { email, password, confirmPassword: password, name: input.name });
      return { ...(await sessionFrom(res)), email, password };
    },
    async signIn(email: string, password: string) {
      return sessionFrom(await mutate('user.login', { email, password }));
    },
    /** Gives an existing account the admin role (takes effect on its next request). */
    async makeAdmin(email: string) {
      await db.updateTable('users').set({ role: 'admin' }).where('email', '=', email.toLowerCase()).execute();
    },
    /** A new account with the admin role, signed in: its session cookie. */
    async registerAdmin(): Promise<string> {
      const { cookie, email } = await this.register();
      await this.makeAdmin(email);
      return cookie;
    },
    async close() {
      await ops.shutdown();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestShop = Awaited<ReturnType<typeof createTestShop>>;
