// Headless Chromium driven by playwright-core, and a real shop server on a free
// port. Each test file starts and stops its own.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'bun:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readConfig } from '../../routers/config.ts';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.ts';
import { boot, CLIENT_DIR } from '../local/boot.ts';
import { recordingLogger } from './logger.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Browser tests run the built client bundle against server code from source: a
 * bundle older than the sources would hydrate a different page. `npm test` builds
 * first; a bare `bun test` after editing pages stops here with instructions.
 */
function assertClientBundleFresh() {
  const built = statSync(join(CLIENT_DIR, '.vite/manifest.json')).mtimeMs;
  const sources = readdirSync('client', { recursive: true, encoding: 'utf8' }).map((file) => join('client', file));
  const newer = sources.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && statSync(file).mtimeMs > built);
  if (newer.length) {
    throw new Error(`The client bundle is older than ${newer[0]} (and ${newer.length - 1} more): run \`npm run build\` or \`npm test\`.`);
  }
}

/** The real Bun server (same boot as `npm run dev`) on port 0 with a fresh database. */
export async function startShopServer() {
  assertClientBundleFresh();
  const dir = mkdtempSync(join(tmpdir(), 'gomall-browser-'));
  const config = readConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'shop.db')}` }, 'test');
  const shop = await boot({ config, logger: recordingLogger() });
  return {
    ...shop,
    async stop() {
      await shop.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ShopServer = Awaited<ReturnType<typeof startShopServer>>;

/** A browser and a real shop server for one test file, started before and stopped after its tests. */
export function browserAndShop() {
  const fixture = {} as { browser: Browser; shop: ShopServer };
  // Each is kept as soon as it is up, so a failed start of the other still gets it stopped.
  beforeAll(async () => {
    await Promise.all([launchBrowser().then((b) => (fixture.browser = b)), startShopServer().then((s) => (fixture.shop = s))]);
  }, 60_000);
  afterAll(async () => {
    try {
      await fixture.browser?.close();
    } finally {
      await fixture.shop?.stop();
    }
  });
  return fixture;
}

/** A tRPC mutation over real HTTP, sent as the shop's own pages send it (same-origin). */
export function trpcPost(shop: ShopServer, path: string, body: unknown, cookie = '') {
  return fetch(`${shop.url}/trpc/${path}`, {
    method: 'POST',
    headers: { origin: shop.url, 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

/** A new account (an administrator if asked), signed in: its cookies, for a browser context. */
export async function signedInCookies(shop: ShopServer, email: string, { admin = false } = {}) {
  const password = 'correct horse battery';
  const res = await trpcPost(shop, 'user.register', { email, password, confirmPassword: password, name: 'Ada' });
  if (!res.ok) throw new Error(`could not register ${email}: ${res.status}`);
  if (admin) await shop.db.updateTable('users').set({ role: 'admin' }).where('email', '=', email).execute();
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return {
    header: pairs.join('; '),
    cookies: pairs.map((pair) => ({ name: pair.split('=')[0]!, value: pair.slice(pair.indexOf('=') + 1), url: shop.url })),
  };
}

/**
 * The page's script errors as they happen, and its console errors, where a
 * Content-Security-Policy violation is reported: a test expects the list empty.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
