// Opens the shop's database: an embedded libSQL file by default, or a remote
// libSQL/Turso server (libsql:, http:, https:) with DATABASE_AUTH_TOKEN. The URL's
// scheme was checked when the config was read (routers/config.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { Kysely } from 'kysely';
import type { Database, Db } from './database.ts';
import { LibsqlDialect } from './dialect.ts';

// SQLite's own wait for a lock blocks the event loop (the embedded driver is synchronous):
// kept tiny; the dialect retries with pauses in between instead.
const BUSY_TIMEOUT_MS = 5;

export interface DatabaseHandle {
  db: Db;
  /** True for an embedded file, where the app migrates and seeds on start. */
  embedded: boolean;
}

export async function openDatabase(url: string, authToken?: string): Promise<DatabaseHandle> {
  const embedded = url.startsWith('file:');
  if (embedded) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  if (!embedded) {
    const client = createClient({ url, authToken });
    return { db: new Kysely<Database>({ dialect: new LibsqlDialect(client) }), embedded };
  }
  const client = createClient({ url, timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers run beside the writer; the mode is stored in the file itself.
  await client.execute('PRAGMA journal_mode = WAL');
  // Writes get a connection of their own (the dialect serialises them anyway).
  const writer = createClient({ url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 });
  return { db: new Kysely<Database>({ dialect: new LibsqlDialect(client, { writer }) }), embedded };
}

