// The edge database: Kysely with our libSQL dialect over the HTTP (web) client.
// Only libsql:, https: and http: URLs work here; there is no file system.
import { createClient } from '@libsql/client/web';
import { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { LibsqlDialect } from '../db/dialect.ts';
import { ConfigError } from '../routers/config.ts';

const SCHEMES = ['libsql:', 'https:', 'http:'];

export function openRemoteDatabase(url: string, authToken?: string): Db {
  if (!SCHEMES.some((s) => url.startsWith(s))) {
    throw new ConfigError(`DATABASE_URL must be a libSQL server (${SCHEMES.join(' ')}) on Workers (got "${url}")`);
  }
  return new Kysely<Database>({ dialect: new LibsqlDialect(createClient({ url, authToken })) });
}
