// The seams between domain code and a runtime. Adapters live in server/local
// (Bun, one process) and edge/ (Workers); routers only see these types.
import type { Db } from '../db/database.ts';

export type { Db };

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}
