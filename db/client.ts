// Opens the shop's database: an embedded libSQL file by default, or a remote
// libSQL/Turso server (libsql:, http:, https:) with DATABASE_AUTH_TOKEN. The URL's
// scheme was checked when the config was read (routers/config.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, type LogConfig } from 'kysely';
import type { Database, Db } from './database.ts';
import { clientExecutor, LibsqlDialect } from './dialect.ts';
import { embeddedExecutor, embeddedPath } from './embedded.ts';

// SQLite's own wait for a lock blocks the event loop (the embedded driver is synchronous):
// kept tiny; the dialect retries with pauses in between instead.
const BUSY_TIMEOUT_MS = 5;

export interface DatabaseHandle {
  db: Db;
  /** True for an embedded file, where the app migrates and seeds on start. */
  embedded: boolean;
}

export interface DatabaseOptions {
  /** Kysely's log: called after each statement with its duration (the server's metrics). */
  log?: LogConfig;
  /**
   * An embedded file's commits: `normal` (default) syncs the write-ahead log at checkpoints,
   * `full` at every commit (SQLite's PRAGMA synchronous; see DATABASE_SYNCHRONOUS in .env.example).
   */
  synchronous?: 'normal' | 'full';
}

export async function openDatabase(url: string, authToken?: string, { log, synchronous = 'normal' }: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const embedded = url.startsWith('file:');
  if (embedded) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  // The file driven directly (db/embedded.ts); a remote database, or a file URL with options, through
  // @libsql/client, loaded only then (it is about 10 MB of memory).
  const path = embedded ? embeddedPath(url) : null;
  const { createClient } = path ? { createClient: null } : await import('@libsql/client');
  if (!embedded) {
    const client = createClient!({ url, authToken });
    return { db: new Kysely<Database>({ dialect: new LibsqlDialect(client), log }), embedded };
  }
  const connect = () => (path ? embeddedExecutor(path, { timeout: BUSY_TIMEOUT_MS }) : clientExecutor(createClient!({ url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 })));
  const reader = connect();
  // WAL lets readers run beside the writer; the mode is stored in the file itself.
  await reader.execute('PRAGMA journal_mode = WAL', []);
  // Writes get a connection of their own (the dialect serialises them anyway).
  const writer = connect();
  // Per connection, not stored in the file: both connections commit the same way.
  for (const connection of [reader, writer]) await connection.execute(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`, []);
  return { db: new Kysely<Database>({ dialect: new LibsqlDialect(reader, { writer }), log }), embedded };
}

