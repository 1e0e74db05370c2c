// The embedded database file, driven through libsql's native binding directly
// rather than @libsql/client: the same engine and file, but each SQL text is
// prepared once per connection and kept (the client prepares it again on every
// call, asks for its columns twice and builds each row value by value), and rows
// come back as plain objects. About three times less work per statement, which is
// most of the work of a catalog read or a checkout.
//
// Same behaviour as the client's embedded mode otherwise: integers beyond 2^53
// are refused (intMode "number"), errors are LibsqlErrors with the same codes,
// a transaction is BEGIN IMMEDIATE … COMMIT on one connection.
// The client's error class, from its small core package: the client itself is not loaded for a file.
import { LibsqlError } from '@libsql/core/api';
import Database from 'libsql';
import type { QueryResult } from 'kysely';
import type { Executor } from './dialect.ts';

/** Statements kept per connection; the shop has a few hundred distinct ones. */
const MAX_STATEMENTS = 1000;

interface Prepared {
  statement: Database.Statement;
  /** Column names when the statement returns rows, null when it does not. */
  columns: string[] | null;
}

/** One connection and its statement cache. */
export class EmbeddedConnection {
  #db: Database.Database;
  #statements = new Map<string, Prepared>();

  constructor(
    readonly path: string,
    private readonly options: { timeout?: number },
  ) {
    this.#db = open(path, options);
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  /** Runs one statement: rows as objects for a query, changes and the new rowid otherwise. */
  execute<R>(sql: string, args: readonly unknown[]): QueryResult<R> {
    try {
      const { statement, columns } = this.#prepare(sql);
      const params = args.map(toSql);
      if (columns) {
        const raw = statement.all(params) as unknown[][];
        const rows = new Array<R>(raw.length);
        for (let r = 0; r < raw.length; r++) {
          const values = raw[r]!;
          const row: Record<string, unknown> = {};
          for (let c = 0; c < columns.length; c++) row[columns[c]!] = fromSql(values[c]);
          rows[r] = row as R;
        }
        return { rows, numAffectedRows: 0n };
      }
      const { changes, lastInsertRowid } = statement.run(params);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    } catch (error) {
      throw libsqlError(error);
    }
  }

  /** Closes and opens the connection again (after a statement that gave up on a lock left it unusable). */
  reopen(): void {
    this.close();
    this.#db = open(this.path, this.options);
  }

  close(): void {
    this.#statements.clear();
    try {
      if (this.#db.open) this.#db.close();
    } catch {
      // nothing useful to do while tearing down
    }
  }

  #prepare(sql: string): Prepared {
    let prepared = this.#statements.get(sql);
    if (prepared) return prepared;
    const statement = this.#db.prepare(sql);
    statement.safeIntegers(true);
    const columns = statement.reader ? statement.raw(true).columns().map((column) => column.name) : null;
    prepared = { statement, columns };
    if (this.#statements.size >= MAX_STATEMENTS) this.#statements.delete(this.#statements.keys().next().value!);
    this.#statements.set(sql, prepared);
    return prepared;
  }
}

function open(path: string, options: { timeout?: number }): Database.Database {
  try {
    return new Database(path, options);
  } catch (error) {
    throw libsqlError(error);
  }
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

function toSql(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

const CODES: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL', 16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT', 20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE', 26: 'SQLITE_NOTADB',
};

/** The error as @libsql/client reports it: base code (SQLITE_CONSTRAINT), extended code, raw code, cause. */
function libsqlError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const raw = (error as { rawCode?: number }).rawCode;
  const code = raw === undefined ? 'SQLITE_UNKNOWN' : (CODES[raw & 0xff] ?? `SQLITE_UNKNOWN_${raw & 0xff}`);
  return new LibsqlError(error.message, code, error.code, raw, error);
}

/** An embedded database file as the dialect's Executor: one connection, statements prepared once. */
export function embeddedExecutor(path: string, options: { timeout?: number } = {}): Executor {
  const connection = new EmbeddedConnection(path, options);
  const run = async <R>(sql: string, args: readonly unknown[]) => connection.execute<R>(sql, args);
  return {
    protocol: 'file',
    execute: run,
    async begin() {
      connection.execute('BEGIN IMMEDIATE', []);
      const rollback = () => {
        if (connection.inTransaction) connection.execute('ROLLBACK', []);
      };
      return {
        execute: run,
        commit: async () => void connection.execute('COMMIT', []),
        rollback: async () => rollback(),
        close: () => {
          try {
            rollback();
          } catch {
            // the connection is unusable; the dialect reopens it after a busy failure
          }
        },
      };
    },
    reconnect: async () => connection.reopen(),
    close: () => connection.close(),
  };
}

/** The file path of a `file:` URL, or null for one with options (left to @libsql/client). */
export function embeddedPath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes('?') || url.includes('#')) return null;
  const rest = url.slice('file:'.length);
  return decodeURIComponent(rest.startsWith('//') ? rest.slice(2) : rest);
}
