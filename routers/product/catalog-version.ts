// Which version of the catalog a cached read belongs to. The numbers live in the
// database (the catalog_version row, moved by triggers on every change to products,
// categories and their links: admin edits, checkout, cancellations, refunds, the
// seed, another process), so no code path can forget to invalidate a cache.
//
// Reading that row on every request would cost as much as the reads being cached,
// so it is read again only when it may have moved: at once after this process wrote
// anything to the database (db/dialect.ts counts its commits), and otherwise at most
// every FRESH_MS, the longest another process's change (a second server, `npm run
// seed`, an admin on another isolate) stays unseen.
import { sql } from 'kysely';
import { localWrites } from '../../db/dialect.ts';
import type { Db } from '../../db/database.ts';

export interface CatalogVersions {
  /** Moves on any change a shopper could see, stock included. */
  version: number;
  /** Moves when more than stock changed: what shows no stock (category counts, suggestions) keeps its cache. */
  structure: number;
}

/** The longest another process's catalog change can go unseen here. */
export const FRESH_MS = 500;

interface Tracker {
  current: CatalogVersions | null;
  /** localWrites() when `current` was read: after any later write here, it is not trusted. */
  currentWrites: number;
  readAt: number;
  pending: Promise<CatalogVersions> | null;
  /** localWrites() when `pending` began. */
  pendingWrites: number;
}

const trackers = new WeakMap<Db, Tracker>();

async function read(db: Db): Promise<CatalogVersions> {
  const { rows } = await sql<CatalogVersions>`SELECT version, structure FROM catalog_version WHERE id = 1`.execute(db);
  // Before the migration ran (a remote database not migrated yet): nothing can be trusted to stay, so never equal.
  return rows[0] ?? { version: -Math.random(), structure: -Math.random() };
}

function trusted(tracker: Tracker | undefined, writes: number): CatalogVersions | null {
  if (tracker?.current && tracker.currentWrites === writes && performance.now() - tracker.readAt < FRESH_MS) return tracker.current;
  return null;
}

/** The versions when they need no read (fresh, and nothing written here since), else null: the cache hit's path. */
export function freshVersions(db: Db): CatalogVersions | null {
  return trusted(trackers.get(db), localWrites());
}

/** The catalog's current versions, as of at most FRESH_MS ago (and after this process's last write). */
export function catalogVersions(db: Db): Promise<CatalogVersions> {
  let tracker = trackers.get(db);
  if (!tracker) trackers.set(db, (tracker = { current: null, currentWrites: -1, readAt: 0, pending: null, pendingWrites: -1 }));
  const writes = localWrites();
  const current = trusted(tracker, writes);
  if (current) return Promise.resolve(current);
  // A read begun since the last write here answers for this call too.
  if (tracker.pending && tracker.pendingWrites === writes) return tracker.pending;
  const t = tracker;
  // Fresh as of when the read started (a change made while it ran may be missing), and
  // counted before it: a write committing while it runs makes the next call read again.
  const started = performance.now();
  const pending = read(db).then(
    (versions) => {
      if (t.pending === pending) {
        t.current = versions;
        t.currentWrites = writes;
        t.readAt = started;
        t.pending = null;
      }
      return versions;
    },
    (error) => {
      if (t.pending === pending) t.pending = null;
      throw error;
    },
  );
  t.pending = pending;
  t.pendingWrites = writes;
  return pending;
}

const remembered = new WeakMap<Db, Map<string, { stamp: number; value: Promise<unknown> }>>();

/**
 * A catalog read computed once per catalog version (`kind`) and shared: for reads
 * every page makes and that cost the whole catalog (the category counts). The
 * value is frozen, as every caller shares it.
 */
export async function rememberedRead<T>(db: Db, kind: keyof CatalogVersions, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = remembered.get(db);
  if (!memo) remembered.set(db, (memo = new Map()));
  const versions = await catalogVersions(db).catch(() => null);
  // No version to go by (a database not migrated yet): read, not remembered.
  if (!versions) return compute();
  const stamp = versions[kind];
  const found = memo.get(key);
  if (found?.stamp === stamp) return found.value as Promise<T>;
  const value = compute().then(deepFreeze);
  memo.set(key, { stamp, value });
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
