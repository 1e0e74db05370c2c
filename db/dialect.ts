// Kysely dialect over libSQL. Written here because @libsql/kysely-libsql pins an
// old client (a second copy) and lacks interactive transactions.
//
// It runs statements on an Executor: a @libsql/client Client (remote databases,
// the Worker), or the embedded file driven directly (db/embedded.ts, which this
// file does not import, so the Worker bundle never sees the native binding).
//
// Writes are serialised in-process: the embedded driver runs each statement
// synchronously, so a second writer waiting on SQLite's lock would block the
// event loop that the first writer needs to finish. Reads (WAL) never wait.
//
// Every write this process commits is counted (localWrites()): a cache of database
// reads can tell at once that it may be stale without asking the database.
import type { Client, InArgs } from '@libsql/client';
import { AsyncLock } from './async-lock.ts';
import { retry } from './retry.ts';
import {
  CompiledQuery,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Where statements run: one database connection (or a remote client). */
export interface Executor {
  /** 'file' for an embedded database (its writes retry while another process holds the lock). */
  readonly protocol: string;
  execute<R>(sql: string, args: readonly unknown[]): Promise<QueryResult<R>>;
  /** Starts a write transaction (BEGIN IMMEDIATE) on this executor. */
  begin(): Promise<ExecutorTransaction>;
  /** Opens the connection again (after a statement that gave up on a lock left it unusable). */
  reconnect(): Promise<void>;
  close(): void;
}

export interface ExecutorTransaction {
  execute<R>(sql: string, args: readonly unknown[]): Promise<QueryResult<R>>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Ends the transaction, rolling it back if it is still open. */
  close(): void;
}

let writes = 0;

/**
 * How many writes (statements outside a transaction, and committed transactions)
 * this process has made through any database opened with this dialect. It moves
 * after the write is durable, so a reader that saw it unchanged may trust what it
 * read before; other processes' writes do not move it.
 */
export function localWrites(): number {
  return writes;
}

// A raw statement that only reads: SELECT or WITH … SELECT with no data-changing
// keyword anywhere. Doubtful cases (PRAGMA, a CTE feeding an INSERT) count as writes.
const READ_ONLY_SQL = /^\s*(select|with)\b/i;
const CHANGES_DATA = /\b(insert|update|delete|replace|create|drop|alter|pragma|attach|vacuum|reindex|analyze)\b/i;

/** Reads go to the reader connection: query-builder SELECTs and raw SQL that only reads (search's CTEs). */
function readsOnly(query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true;
  return RawNode.is(query.query) && READ_ONLY_SQL.test(query.sql) && !CHANGES_DATA.test(query.sql);
}

class LibsqlConnection implements DatabaseConnection {
  #tx: ExecutorTransaction | null = null;
  #release: (() => void) | null = null;
  /** A statement of the open transaction hit SQLITE_BUSY: its connection must not be used again. */
  #busy = false;

  constructor(
    private readonly executors: Executors,
    private readonly lock: AsyncLock,
    private readonly busyRetryMs: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = query;
    if (this.#tx) return this.#noticeBusy(this.#tx.execute<R>(sql, parameters));
    if (readsOnly(query)) return this.executors.reader.execute<R>(sql, parameters);
    // The wait for another process's lock counts from here, queueing behind our own writers included.
    const deadline = performance.now() + this.busyRetryMs;
    const release = await this.lock.acquire();
    try {
      const result = await this.#write(deadline, () => this.executors.writer.execute<R>(sql, parameters));
      writes++;
      return result;
    } finally {
      release();
    }
  }

  async begin(): Promise<void> {
    const deadline = performance.now() + this.busyRetryMs;
    this.#release = await this.lock.acquire();
    try {
      this.#tx = await this.#write(deadline, () => this.executors.writer.begin());
    } catch (error) {
      await this.#end();
      throw error;
    }
  }

  async commit(): Promise<void> {
    try {
      if (this.#tx) {
        await this.#noticeBusy(this.#tx.commit());
        writes++;
      }
    } finally {
      await this.#end();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#tx?.rollback();
    } finally {
      await this.#end();
    }
  }

  async #end(): Promise<void> {
    try {
      this.#tx?.close();
      this.#tx = null;
      if (this.#busy) await this.#renewWriter();
    } finally {
      this.#busy = false;
      this.#release?.();
      this.#release = null;
    }
  }

  /**
   * Runs a write (or BEGIN) on an embedded file while another process may hold its lock
   * (a seed beside the running shop). SQLite's own busy wait is kept tiny, as the embedded
   * driver blocks the event loop while it waits; the rest of the wait is these pauses,
   * during which reads and timers go on. Remote databases wait on their server's side.
   */
  async #write<T>(deadline: number, attempt: () => Promise<T>): Promise<T> {
    if (this.executors.writer.protocol !== 'file') return attempt();
    return retry(attempt, { retryable: isBusy, deadline, baseDelayMs: 5, maxDelayMs: 50, beforeRetry: () => this.#renewWriter() });
  }

  async #noticeBusy<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (isBusy(error)) this.#busy = true;
      throw error;
    }
  }

  /**
   * An embedded write that gave up waiting for another process's lock leaves its statement
   * in progress on its connection, and every later transaction there fails to commit. The
   * writer's own connection (never the readers') is reopened instead.
   */
  async #renewWriter(): Promise<void> {
    if (this.executors.writer.protocol === 'file') await this.executors.writer.reconnect();
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('libSQL does not support streaming queries');
  }
}

const isBusy = (error: unknown) => (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;

/** A @libsql/client Client as an Executor. */
export function clientExecutor(client: Client): Executor {
  const run = async <R>(target: Pick<Client, 'execute'>, sql: string, args: readonly unknown[]) => toResult<R>(await target.execute({ sql, args: args as InArgs }));
  return {
    get protocol() {
      return client.protocol;
    },
    execute: (sql, args) => run(client, sql, args),
    async begin() {
      const tx = await client.transaction('write');
      return {
        execute: (sql, args) => run(tx, sql, args),
        commit: () => tx.commit(),
        rollback: () => tx.rollback(),
        close: () => tx.close(),
      };
    },
    reconnect: async () => {
      await client.reconnect();
    },
    close: () => client.close(),
  };
}

function toResult<R>(rs: Awaited<ReturnType<Client['execute']>>): QueryResult<R> {
  return {
    rows: rs.rows.map((row) => Object.fromEntries(rs.columns.map((c, i) => [c, row[i]]))) as R[],
    numAffectedRows: BigInt(rs.rowsAffected),
    insertId: rs.lastInsertRowid,
  };
}

/** Reads go to `reader`; writes and transactions, serialised, to `writer` (the same one when remote). */
interface Executors {
  reader: Executor;
  writer: Executor;
}

class LibsqlDriver implements Driver {
  readonly #lock = new AsyncLock();
  constructor(
    private readonly executors: Executors,
    private readonly busyRetryMs: number,
  ) {}

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new LibsqlConnection(this.executors, this.#lock, this.busyRetryMs);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as LibsqlConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as LibsqlConnection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as LibsqlConnection).rollback();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.executors.reader.close();
    if (this.executors.writer !== this.executors.reader) this.executors.writer.close();
  }
}

export interface LibsqlDialectOptions {
  /**
   * A connection of its own for writes and transactions, on an embedded file: reopening it
   * after SQLITE_BUSY then never closes a connection a read is using. Default: the reader.
   */
  writer?: Client | Executor;
  /** How long an embedded write keeps retrying while another process holds the lock (default 5 s). */
  busyRetryMs?: number;
}

const asExecutor = (source: Client | Executor): Executor => ('begin' in source ? source : clientExecutor(source));

export class LibsqlDialect implements Dialect {
  readonly #executors: Executors;

  constructor(
    client: Client | Executor,
    private readonly options: LibsqlDialectOptions = {},
  ) {
    const reader = asExecutor(client);
    this.#executors = { reader, writer: options.writer ? asExecutor(options.writer) : reader };
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new LibsqlDriver(this.#executors, this.options.busyRetryMs ?? 5000);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
