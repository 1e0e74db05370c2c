import { sql } from 'kysely';
import type { Handler } from 'hono';
import type { Db } from '../routers/ports.ts';

/** GET /healthz: 200 after a real query, 503 when the database cannot answer. */
export function healthCheck(db: Db): Handler {
  return async (c) => {
    try {
      // A read (select node): it never queues behind writes waiting for a lock.
      await db.selectNoFrom(sql<number>`1`.as('one')).execute();
      return c.json({ status: 'ok', db: 'up' });
    } catch {
      return c.json({ status: 'error', db: 'down' }, 503);
    }
  };
}
