// Kysely dialect over @libsql/client. Written here because @libsql/kysely-libsql
// pins an old client (a second copy) and lacks interactive transactions.
//
// Writes are serialised in-process: the embedded driver runs each statement
// synchronously, so a second writer waiting on SQLite's lock would block the
// event loop that the first writer needs to finish. Reads (WAL) never wait.
import type { Client, InArgs, Transaction } from '@libsql/client';
import { AsyncLock } from './async-lock.ts';
import { retry } from './retry.ts';
import {
  CompiledQuery,
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

class LibsqlConnection implements DatabaseConnection {
  #tx: Transaction | null = null;
  #release: (() => void) | null = null;
  /** A statement of the open transaction hit SQLITE_BUSY: its connection must not be used again. */
  #busy = false;

  constructor(
    private readonly clients: Clients,
    private readonly lock: AsyncLock,
    private readonly busyRetryMs: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = { sql: query.sql, args: query.parameters as InArgs };
    if (this.#tx) return toResult<R>(await this.#noticeBusy(this.#tx.execute(stmt)));
    if (SelectQueryNode.is(query.query)) return toResult<R>(await this.clients.reader.execute(stmt));
    // The wait for another process's lock counts from here, queueing behind our own writers included.
    const deadline = performance.now() + this.busyRetryMs;
    const release = await this.lock.acquire();
    try {
      return toResult<R>(await this.#write(deadline, () => this.clients.writer.execute(stmt)));
    } finally {
      release();
    }
  }

  async begin(): Promise<void> {
    const deadline = performance.now() + this.busyRetryMs;
    this.#release = await this.lock.acquire();
    try {
      this.#tx = await this.#write(deadline, () => this.clients.writer.transaction('write'));
    } catch (error) {
      await this.#end();
      throw error;
    }
  }

  async commit(): Promise<void> {
    try {
      if (this.#tx) await this.#noticeBusy(this.#tx.commit());
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
    if (this.clients.writer.protocol !== 'file') return attempt();
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
   * writer's own client (one connection, never the readers') is reopened instead.
   */
  async #renewWriter(): Promise<void> {
    if (this.clients.writer.protocol === 'file') await this.clients.writer.reconnect();
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('libSQL does not support streaming queries');
  }
}

const isBusy = (error: unknown) => (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;

function toResult<R>(rs: Awaited<ReturnType<Client['execute']>>): QueryResult<R> {
  return {
    rows: rs.rows.map((row) => Object.fromEntries(rs.columns.map((c, i) => [c, row[i]]))) as R[],
    numAffectedRows: BigInt(rs.rowsAffected),
    insertId: rs.lastInsertRowid,
  };
}

/** Reads go to `reader`; writes and transactions, serialised, to `writer` (the same client when remote). */
interface Clients {
  reader: Client;
  writer: Client;
}

class LibsqlDriver implements Driver {
  readonly #lock = new AsyncLock();
  constructor(
    private readonly clients: Clients,
    private readonly busyRetryMs: number,
  ) {}

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new LibsqlConnection(this.clients, this.#lock, this.busyRetryMs);
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
    this.clients.reader.close();
    if (this.clients.writer !== this.clients.reader) this.clients.writer.close();
  }
}

export interface LibsqlDialectOptions {
  /**
   * A client of its own for writes and transactions, on an embedded file: reopening it
   * after SQLITE_BUSY then never closes a connection a read is using. Default: `client`.
   */
  writer?: Client;
  /** How long an embedded write keeps retrying while another process holds the lock (default 5 s). */
  busyRetryMs?: number;
}

export class LibsqlDialect implements Dialect {
  constructor(
    private readonly client: Client,
    private readonly options: LibsqlDialectOptions = {},
  ) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new LibsqlDriver({ reader: this.client, writer: this.options.writer ?? this.client }, this.options.busyRetryMs ?? 5000);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
