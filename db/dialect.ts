// Kysely dialect over @libsql/client. Written here because @libsql/kysely-libsql
// pins an old client (a second copy) and lacks interactive transactions.
//
// Writes are serialised in-process: the embedded driver runs each statement
// synchronously, so a second writer waiting on SQLite's lock would block the
// event loop that the first writer needs to finish. Reads (WAL) never wait.
import type { Client, InArgs, Transaction } from '@libsql/client';
import { AsyncLock } from './async-lock.ts';
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
  /** A write hit SQLITE_BUSY: its connection must not be used again. */
  #busy = false;

  constructor(
    private readonly client: Client,
    private readonly lock: AsyncLock,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = { sql: query.sql, args: query.parameters as InArgs };
    if (this.#tx) return toResult<R>(await this.#noticeBusy(this.#tx.execute(stmt)));
    if (SelectQueryNode.is(query.query)) return toResult<R>(await this.client.execute(stmt));
    const release = await this.lock.acquire();
    try {
      return toResult<R>(await this.#noticeBusy(this.client.execute(stmt)));
    } finally {
      await this.#renewIfBusy();
      release();
    }
  }

  async begin(): Promise<void> {
    this.#release = await this.lock.acquire();
    try {
      this.#tx = await this.#noticeBusy(this.client.transaction('write'));
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
    this.#tx?.close();
    this.#tx = null;
    await this.#renewIfBusy();
    this.#release?.();
    this.#release = null;
  }

  async #noticeBusy<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) this.#busy = true;
      throw error;
    }
  }

  /**
   * An embedded write that gave up waiting for another process's lock leaves its
   * statement in progress on the pooled connection, and every later transaction on
   * that connection fails to commit. Open fresh connections instead, while the write
   * lock is held. (A read that borrowed a connection in the same instant fails with
   * CLIENT_CLOSED: a rare error beats a shop that cannot take orders.)
   */
  async #renewIfBusy(): Promise<void> {
    if (!this.#busy) return;
    this.#busy = false;
    if (this.client.protocol === 'file') await this.client.reconnect();
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('libSQL does not support streaming queries');
  }
}

function toResult<R>(rs: Awaited<ReturnType<Client['execute']>>): QueryResult<R> {
  return {
    rows: rs.rows.map((row) => Object.fromEntries(rs.columns.map((c, i) => [c, row[i]]))) as R[],
    numAffectedRows: BigInt(rs.rowsAffected),
    insertId: rs.lastInsertRowid,
  };
}

class LibsqlDriver implements Driver {
  readonly #lock = new AsyncLock();
  constructor(private readonly client: Client) {}

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new LibsqlConnection(this.client, this.#lock);
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
    this.client.close();
  }
}

export class LibsqlDialect implements Dialect {
  constructor(private readonly client: Client) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new LibsqlDriver(this.client);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
