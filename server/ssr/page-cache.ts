// Server-rendered pages for visitors who are not signed in, kept in memory: a
// visitor with no cookie at all (no session, no guest cart) sees the same page as
// every other such visitor, so it is rendered once per catalog version and address.
// Such a page is rendered with a placeholder nonce (random per process, never sent),
// then made the same for every response: its inline scripts lose the nonce and are
// allowed by their hashes in its Content-Security-Policy instead. So it is kept as
// the bytes sent, gzipped where the server compresses (a fifth of the memory, and
// no work per response but for a client that takes no gzip).
//
// A render is kept only when it is plainly the same for everyone: status 200, no
// render error, no header set by the data it read, and every procedure it read is
// a public catalog read (or the cart and account of a visitor who has neither);
// a page that reads anything else is rendered for each request. Entries also age
// out after MAX_AGE_MS, so what a render takes from the clock never lingers.
import type { Db } from '../../db/database.ts';
import { catalogVersions, freshVersions } from '../../routers/product/catalog-version.ts';
import { VersionedLru } from '../read-cache.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cspNonce, noncePolicy, pagePolicy, scriptHash } from './content-security-policy.ts';

/** What a visitor with no cookie may read while the page is still shared: the catalog, an empty cart, no account. */
const SHARED_READS = new Set(['product.list', 'product.get', 'product.related', 'product.search', 'product.suggest', 'product.categories', 'shop.info', 'cart.get', 'user.me']);
export const MAX_AGE_MS = 60_000;
/**
 * Room for the pages, by default: some two thousand product pages of about 40 KB where
 * they are kept gzipped (8 KB), some four hundred where not (a Worker), and every
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
  /** The document as sent: UTF-8, gzipped when `encoding` says so. */
  body: Uint8Array;
  encoding?: 'gzip';
  status: number;
  route: string;
  /** The response's Content-Security-Policy. */
  policy: string;
}

interface Entry {
  body: Uint8Array;
  gzipped: boolean;
  policy: string;
  route: string;
  storedAt: number;
}

const utf8 = new TextEncoder();

/**
 * The page without its placeholder nonce, its inline scripts allowed by hash; null if the
 * placeholder is anywhere else (then only a nonce of its own can serve it).
 */
async function sameForEveryone(html: string, placeholder: string): Promise<{ html: string; policy: string } | null> {
  const scripts: string[] = [];
  const shared = html.replace(new RegExp(`(<script\\b[^>]*?) nonce="${placeholder}"([^>]*>)([\\s\\S]*?)</script>`, 'g'), (_, open, close, text) => {
    scripts.push(text);
    return `${open}${close}${text}</script>`;
  });
  if (shared.includes(placeholder)) return null;
  const hashes = await Promise.all([...new Set(scripts)].map(scriptHash));
  return { html: shared, policy: pagePolicy(hashes) };
}

export interface PageCache {
  /** The cache key of a request whose page may be shared (a GET or HEAD with no cookie), else null. */
  keyFor(req: Request, url: URL): string | null;
  /** The page for `key`: from the cache, or rendered by `render` with the nonce it is given; gzipped if `gzip` (the client takes it). */
  serve(key: string, gzip: boolean, render: (nonce: string) => Promise<RenderedHtml>): Promise<ServedPage>;
  stats(): { entries: number; bytes: number };
}

/** `compress`: keep pages gzipped (servers that compress; a Worker's platform does it itself). */
export function pageCache(db: Db, { maxBytes = PAGE_CACHE_BYTES, maxAgeMs = MAX_AGE_MS, compress = false } = {}): PageCache {
  // Letters and digits only: it is matched in a regular expression.
  const placeholder = crypto.randomUUID().replaceAll('-', '');
  const pages = new VersionedLru<Entry>(maxBytes);
  const rendering = new Map<string, Promise<Entry | null>>();

  const served = (entry: Entry, gzip: boolean): ServedPage => {
    const base = { status: 200, route: entry.route, policy: entry.policy };
    if (!entry.gzipped) return { ...base, body: entry.body };
    return gzip ? { ...base, body: entry.body, encoding: 'gzip' } : { ...base, body: gunzipSync(entry.body) };
  };
  /** A render with a nonce of its own: this response only. */
  const own = (page: RenderedHtml): ServedPage => {
    const nonce = cspNonce();
    return { body: utf8.encode(page.html.replaceAll(placeholder, nonce)), status: page.status, route: page.route, policy: noncePolicy(nonce) };
  };

  const fresh = (entry: Entry | undefined) => entry && performance.now() - entry.storedAt < maxAgeMs ? entry : undefined;

  return {
    keyFor(req, url) {
      // HEAD too: it is answered by the GET route, and must say what GET would send.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.has('cookie')) return null;
      return url.origin + url.pathname + url.search;
    },

    async serve(key, gzip, render) {
      const versions = freshVersions(db) ?? (await catalogVersions(db).catch(() => null));
      // No version to go by (a database not migrated yet): rendered, not cached.
      if (!versions) return own(await render(placeholder));
      const version = versions.version;
      const cached = fresh(pages.get(key, version));
      if (cached) return served(cached, gzip);
      // Shared only with a render of the same version: one begun before a change may show the old catalog.
      const current = `${version} ${key}`;
      const pending = rendering.get(current);
      const shared = pending && (await pending);
      if (shared) return served(shared, gzip);

      let done!: (entry: Entry | null) => void;
      if (!pending) rendering.set(current, new Promise((resolve) => (done = resolve)));
      try {
        const page = await render(placeholder);
        const shareable = page.shareable && page.status === 200 && [...page.reads].every((read) => SHARED_READS.has(read));
        const same = shareable ? await sameForEveryone(page.html, placeholder) : null;
        if (!same) {
          done?.(null);
          return own(page);
        }
        const body = utf8.encode(same.html);
        const entry: Entry = { body: compress ? gzipSync(body) : body, gzipped: compress, policy: same.policy, route: page.route, storedAt: performance.now() };
        pages.set(key, version, entry, entry.body.length + same.policy.length + 64);
        done?.(entry);
        return served(entry, gzip);
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
