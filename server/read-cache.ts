// Public catalog reads answered from memory, in front of tRPC: GET
// /trpc/product.{list,get,search,suggest,categories} with the same input get the
// same JSON until the catalog changes. Each answer is stored with the catalog
// version it was computed at (routers/product/catalog-version.ts: a price, stock
// or archive change anywhere, by anyone, moves it) and served only while the
// version is unchanged; checkout re-reads the database anyway. A hit skips tRPC,
// the session lookup and the database: these answers are the same for everyone.
//
// One process's memory, bounded (least recently used answers go first). Other
// processes see a change within FRESH_MS. On Workers the same idea maps to the
// Cache API, keyed by URL plus the catalog version.
import type { Db } from '../db/database.ts';
import { catalogVersions, freshVersions, type CatalogVersions } from '../routers/product/catalog-version.ts';

/**
 * A bounded map of values, each valid for one version. When it is full, the oldest
 * entry goes unless it was used since it was stored, in which case it moves to the
 * back (a second chance): about least-recently-used, with a hit costing one lookup.
 */
export class VersionedLru<V> {
  readonly #entries = new Map<string, { version: number; value: V; bytes: number; used: boolean }>();
  #bytes = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntries = Infinity,
  ) {}

  get(key: string, version: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.value;
  }

  set(key: string, version: number, value: V, bytes: number): void {
    if (bytes > this.maxBytes / 4) return;
    this.delete(key);
    this.#entries.set(key, { version, value, bytes, used: false });
    this.#bytes += bytes;
    while (this.#bytes > this.maxBytes || this.#entries.size > this.maxEntries) {
      const [oldest, entry] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      if (entry.used && oldest !== key) {
        entry.used = false;
        this.#entries.set(oldest, entry);
      } else {
        this.#bytes -= entry.bytes;
      }
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}

/** Which catalog version each cached procedure's answer depends on: category counts and suggestions show no stock. */
const CACHED_PROCEDURES: Record<string, keyof CatalogVersions> = {
  '/trpc/product.list': 'version',
  '/trpc/product.get': 'version',
  '/trpc/product.related': 'version',
  '/trpc/product.search': 'version',
  '/trpc/product.suggest': 'structure',
  '/trpc/product.categories': 'structure',
};

interface Answer {
  /** The JSON as UTF-8: half the memory of a JavaScript string of it, sent as it is. */
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

/** Room for the answers, by default: thousands of product answers (about 1 KB) and list pages (about 5 KB). */
export const CATALOG_CACHE_BYTES = 4 * 1024 * 1024;

export interface CatalogReadCache {
  /** Whether this request is a catalog read the cache answers (one procedure, GET). */
  covers(req: Request, path: string): boolean;
  /** The cached answer, or `compute()`'s, stored when it is a plain success for everyone. */
  answer(req: Request, path: string, compute: () => Promise<Response>): Promise<Response>;
  stats(): { entries: number; bytes: number };
}

export function catalogReadCache(db: Db, { maxBytes = CATALOG_CACHE_BYTES } = {}): CatalogReadCache {
  const answers = new VersionedLru<Answer>(maxBytes);
  // Requests for an answer being computed wait for it instead of computing it again.
  const computing = new Map<string, Promise<Answer | null>>();

  const respond = ({ body, headers }: Answer) => new Response(body, { status: 200, headers });

  return {
    covers: (req, path) => req.method === 'GET' && Object.hasOwn(CACHED_PROCEDURES, path),

    async answer(req, path, compute) {
      const query = req.url.indexOf('?');
      const key = path + (query === -1 ? '' : req.url.slice(query));
      const versions = freshVersions(db) ?? (await catalogVersions(db).catch(() => null));
      // No version to go by (a database not migrated yet): answered, not cached.
      if (!versions) return compute();
      const version = versions[CACHED_PROCEDURES[path]!];
      const cached = answers.get(key, version);
      if (cached) return respond(cached);
      // Shared only with a computation of the same version: one begun before a change may have read the old catalog.
      const current = `${version} ${key}`;
      const pending = computing.get(current);
      if (pending) {
        const shared = await pending;
        if (shared) return respond(shared);
        return compute();
      }
      let done!: (answer: Answer | null) => void;
      computing.set(current, new Promise((resolve) => (done = resolve)));
      try {
        const res = await compute();
        // Only a success that is the same for everyone: no cookie set (a stale session cleared) nor other status.
        if (res.status !== 200 || res.headers.has('set-cookie')) {
          done(null);
          return res;
        }
        const body = new Uint8Array(await res.arrayBuffer());
        const answer: Answer = { body, headers: [...res.headers] };
        answers.set(key, version, answer, body.length + key.length + 200);
        done(answer);
        return respond(answer);
      } catch (error) {
        done(null);
        throw error;
      } finally {
        computing.delete(current);
      }
    },

    stats: () => ({ entries: answers.size, bytes: answers.bytes }),
  };
}
