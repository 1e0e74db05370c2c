import { sql } from 'kysely';
import type { Handler } from 'hono';
import type { Db } from './ports.ts';

/** GET /healthz: 200 after a real query, 503 when the database cannot answer. */
export function healthCheck(db: Db): Handler {
  return async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: 'ok', db: 'up' });
    } catch {
      return c.json({ status: 'error', db: 'down' }, 503);
    }
  };
}
