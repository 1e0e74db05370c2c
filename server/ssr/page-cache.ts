// Server-rendered pages for visitors who are not signed in, kept in memory: a
// visitor with no cookie at all (no session, no guest cart) sees the same page as
// every other such visitor, so it is rendered once per catalog version and address.
// Only the Content-Security-Policy nonce differs per response: the page is rendered
// with a placeholder nonce (random per process, never sent) that each response
// replaces with its own.
//
// A render is kept only when it is plainly the same for everyone: status 200, no
// render error, no header set by the data it read, and every procedure it read is
// a public catalog read (or the cart and account of a visitor who has neither);
// a page that reads anything else is rendered for each request. Entries also age
// out after MAX_AGE_MS, so what a render takes from the clock never lingers.
import type { Db } from '../../db/database.ts';
import { catalogVersions, freshVersions } from '../../routers/product/catalog-version.ts';
import { VersionedLru } from '../read-cache.ts';
import { cspNonce } from './content-security-policy.ts';

/** What a visitor with no cookie may read while the page is still shared: the catalog, an empty cart, no account. */
const SHARED_READS = new Set(['product.list', 'product.get', 'product.related', 'product.search', 'product.suggest', 'product.categories', 'shop.info', 'cart.get', 'user.me']);
export const MAX_AGE_MS = 60_000;
/**
 * Room for the pages, by default: a few hundred product pages of about 40 KB, every
 * category and search page people keep opening. Part of the process's memory budget
 * (150 MB under load, issue 13): a larger cache also lets the garbage collector wait longer.
 */
export const PAGE_CACHE_BYTES = 16 * 1024 * 1024;

export interface RenderedHtml {
  html: string;
  status: number;
  /** The page route's name, for the log and metrics. */
  route: string;
  /** Whether the render may be shared (see the top of this file); `reads` is checked here. */
  shareable: boolean;
  /** The procedures the render read. */
  reads: Iterable<string>;
}

export interface ServedPage {
  /** The document, UTF-8. */
  html: Uint8Array;
  status: number;
  route: string;
  /** This response's CSP nonce, already in `html`. */
  nonce: string;
}

interface Entry {
  /** The page as UTF-8, split at the placeholder nonce: half the memory of a JavaScript string of it. */
  parts: Uint8Array[];
  bytes: number;
  route: string;
  storedAt: number;
}

const utf8 = new TextEncoder();

/** The page with the nonce between its parts, in one buffer. */
function joined(entry: Entry, nonce: string): Uint8Array {
  const between = utf8.encode(nonce);
  const html = new Uint8Array(entry.bytes + between.length * (entry.parts.length - 1));
  let at = 0;
  entry.parts.forEach((part, i) => {
    if (i > 0) {
      html.set(between, at);
      at += between.length;
    }
    html.set(part, at);
    at += part.length;
  });
  return html;
}

export interface PageCache {
  /** The cache key of a request whose page may be shared (a GET with no cookie), else null. */
  keyFor(req: Request, url: URL): string | null;
  /** The page for `key`: from the cache, or rendered by `render` with the nonce it is given. */
  serve(key: string, render: (nonce: string) => Promise<RenderedHtml>): Promise<ServedPage>;
  stats(): { entries: number; bytes: number };
}

export function pageCache(db: Db, { maxBytes = PAGE_CACHE_BYTES, maxAgeMs = MAX_AGE_MS } = {}): PageCache {
  const placeholder = cspNonce();
  const pages = new VersionedLru<Entry>(maxBytes);
  const rendering = new Map<string, Promise<Entry | null>>();

  const served = (entry: Entry): ServedPage => {
    const nonce = cspNonce();
    return { html: joined(entry, nonce), status: 200, route: entry.route, nonce };
  };

  const fresh = (entry: Entry | undefined) => entry && performance.now() - entry.storedAt < maxAgeMs ? entry : undefined;

  return {
    keyFor(req, url) {
      if (req.method !== 'GET' || req.headers.has('cookie')) return null;
      return url.origin + url.pathname + url.search;
    },

    async serve(key, render) {
      const versions = freshVersions(db) ?? (await catalogVersions(db).catch(() => null));
      // No version to go by (a database not migrated yet): rendered, not cached.
      if (!versions) {
        const page = await render(placeholder);
        const nonce = cspNonce();
        return { html: utf8.encode(page.html.split(placeholder).join(nonce)), status: page.status, route: page.route, nonce };
      }
      const version = versions.version;
      const cached = fresh(pages.get(key, version));
      if (cached) return served(cached);
      // Shared only with a render of the same version: one begun before a change may show the old catalog.
      const current = `${version} ${key}`;
      const pending = rendering.get(current);
      const shared = pending && (await pending);
      if (shared) return served(shared);

      let done!: (entry: Entry | null) => void;
      if (!pending) rendering.set(current, new Promise((resolve) => (done = resolve)));
      try {
        const page = await render(placeholder);
        const parts = page.html.split(placeholder).map((part) => utf8.encode(part));
        const bytes = parts.reduce((sum, part) => sum + part.length, 0);
        const entry: Entry = { parts, bytes, route: page.route, storedAt: performance.now() };
        const shareable = page.shareable && page.status === 200 && [...page.reads].every((read) => SHARED_READS.has(read));
        if (shareable) pages.set(key, version, entry, bytes + 64 * parts.length);
        done?.(shareable ? entry : null);
        return { ...served(entry), status: page.status };
      } catch (error) {
        done?.(null);
        throw error;
      } finally {
        if (!pending) rendering.delete(current);
      }
    },

    stats: () => ({ entries: pages.size, bytes: pages.bytes }),
  };
}
