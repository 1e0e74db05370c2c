// A libSQL server stand-in for tests: the Hrana-over-HTTP pipeline endpoint
// (POST /v2/pipeline, /v3/pipeline) backed by an embedded database file, so the
// official @libsql/client/web (the edge build's client) can be exercised here.
// Turso's server cannot be installed on this machine; this speaks its protocol.
//
// Each stream (named by its baton) is its own SQLite connection. One lock
// serialises streams: a stream holds it while its requests run and for as long
// as it keeps a transaction open (the embedded driver is synchronous, so a second
// writer must wait for the lock, not spin on SQLite's busy handler). Unlike sqld,
// reads wait too while another stream holds a transaction.
import Database from 'libsql';
import { AsyncLock } from '../../../db/async-lock.ts';
import {
  fromSql,
  toHranaError,
  toSql,
  type BatchCond,
  type PipelineRequest,
  type SqlValue,
  type Stmt,
  type StmtResult,
} from './protocol.ts';

type Connection = InstanceType<typeof Database>;
type Result = { type: 'ok'; response: Record<string, unknown> } | { type: 'error'; error: { message: string; code: string } };

interface Stream {
  conn: Connection;
  sqls: Map<number, string>;
  release?: () => void;
  idle?: Timer;
}

export interface LibsqlHttpHandler {
  handle(req: Request): Promise<Response>;
  close(): void;
}

/** `path`: the database file. A stream idle inside a transaction for `streamIdleMs` is rolled back. */
export function createLibsqlHttpHandler({ path, streamIdleMs = 10_000 }: { path: string; streamIdleMs?: number }): LibsqlHttpHandler {
  const lock = new AsyncLock();
  const streams = new Map<string, Stream>();

  const closeStream = (stream: Stream) => {
    clearTimeout(stream.idle);
    try {
      if (stream.conn.inTransaction) stream.conn.exec('ROLLBACK');
      stream.conn.close();
    } finally {
      stream.release?.();
      stream.release = undefined;
    }
  };

  async function pipeline(body: { baton?: string | null; requests: PipelineRequest[] }) {
    let stream: Stream;
    if (body.baton) {
      const found = streams.get(body.baton);
      if (!found) return json({ message: 'The stream has expired or the baton is invalid', code: 'STREAM_EXPIRED' }, 400);
      streams.delete(body.baton);
      clearTimeout(found.idle);
      stream = found;
    } else {
      stream = { conn: new Database(path), sqls: new Map() };
    }
    stream.release ??= await lock.acquire();

    const results: Result[] = [];
    let closed = false;
    try {
      for (const request of body.requests) {
        if (request.type === 'close') {
          closed = true;
          results.push(ok({ type: 'close' }));
          break;
        }
        results.push(run(stream, request));
      }
    } finally {
      // Whatever happened, a closed (or broken) stream gives the lock back.
      if (closed || results.length < body.requests.length) closeStream(stream);
    }
    if (closed) return json({ baton: null, base_url: null, results });
    if (!stream.conn.inTransaction) {
      stream.release();
      stream.release = undefined;
    }
    const baton = crypto.randomUUID();
    streams.set(baton, stream);
    stream.idle = setTimeout(() => {
      streams.delete(baton);
      closeStream(stream);
    }, streamIdleMs);
    return json({ baton, base_url: null, results });
  }

  return {
    async handle(req) {
      const { pathname } = new URL(req.url);
      if (req.method !== 'POST' || !/^\/v[23]\/pipeline$/.test(pathname)) return json({ message: 'Not found', code: 'NOT_FOUND' }, 404);
      let body: { baton?: string | null; requests: PipelineRequest[] };
      try {
        body = await req.json();
      } catch {
        return json({ message: 'The body is not JSON', code: 'BAD_REQUEST' }, 400);
      }
      if (!Array.isArray(body?.requests) || !body.requests.every((r) => typeof r?.type === 'string')) {
        return json({ message: 'Expected { baton?, requests: [{ type, … }] }', code: 'BAD_REQUEST' }, 400);
      }
      return pipeline(body);
    },
    close() {
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
    },
  };
}

function run(stream: Stream, request: Exclude<PipelineRequest, { type: 'close' }>): Result {
  try {
    switch (request.type) {
      case 'execute':
        return ok({ type: 'execute', result: execute(stream, request.stmt) });
      case 'batch':
        return ok({ type: 'batch', result: batch(stream, request.batch.steps) });
      case 'sequence':
        stream.conn.exec(sqlOf(stream, request));
        return ok({ type: 'sequence' });
      case 'store_sql':
        stream.sqls.set(request.sql_id, request.sql);
        return ok({ type: 'store_sql' });
      case 'close_sql':
        stream.sqls.delete(request.sql_id);
        return ok({ type: 'close_sql' });
      case 'get_autocommit':
        return ok({ type: 'get_autocommit', is_autocommit: !stream.conn.inTransaction });
      default:
        return { type: 'error', error: { message: `Unsupported request ${(request as { type: string }).type}`, code: 'UNSUPPORTED' } };
    }
  } catch (error) {
    return { type: 'error', error: toHranaError(error) };
  }
}

function batch(stream: Stream, steps: { condition?: BatchCond | null; stmt: Stmt }[]) {
  const stepResults: (StmtResult | null)[] = [];
  const stepErrors: ({ message: string; code: string } | null)[] = [];
  const holds = (cond: BatchCond): boolean => {
    switch (cond.type) {
      case 'ok':
        return stepResults[cond.step] != null;
      case 'error':
        return stepErrors[cond.step] != null;
      case 'not':
        return !holds(cond.cond);
      case 'and':
        return cond.conds.every(holds);
      case 'or':
        return cond.conds.some(holds);
      case 'is_autocommit':
        return !stream.conn.inTransaction;
    }
  };
  for (const step of steps) {
    if (step.condition && !holds(step.condition)) {
      stepResults.push(null);
      stepErrors.push(null);
      continue;
    }
    try {
      stepResults.push(execute(stream, step.stmt));
      stepErrors.push(null);
    } catch (error) {
      stepResults.push(null);
      stepErrors.push(toHranaError(error));
    }
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

function execute(stream: Stream, stmt: Stmt): StmtResult {
  const prepared = stream.conn.prepare(sqlOf(stream, stmt));
  prepared.safeIntegers(true);
  const args = argsOf(stmt);
  let returnsRows = true;
  try {
    prepared.raw(true);
  } catch {
    // raw() refuses statements that return no rows
    returnsRows = false;
  }
  if (!returnsRows) {
    const info = prepared.run(args);
    return { cols: [], rows: [], affected_row_count: Number(info.changes), last_insert_rowid: String(info.lastInsertRowid) };
  }
  // Rows and a change count both (INSERT … RETURNING): measure the count around the statement.
  const before = totalChanges(stream.conn);
  const rows = prepared.all(args) as unknown[][];
  const columns = prepared.columns() as { name: string; type?: string | null }[];
  return {
    cols: columns.map((c) => ({ name: c.name, decltype: c.type ?? null })),
    rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(fromSql)),
    affected_row_count: totalChanges(stream.conn) - before,
    last_insert_rowid: String(scalar(stream.conn, 'SELECT last_insert_rowid()')),
  };
}

function totalChanges(conn: Connection): number {
  return Number(scalar(conn, 'SELECT total_changes()'));
}

function scalar(conn: Connection, sql: string): unknown {
  const statement = conn.prepare(sql);
  statement.safeIntegers(true);
  return (statement.raw(true).get() as unknown[])[0];
}

function sqlOf(stream: Stream, { sql, sql_id }: { sql?: string; sql_id?: number }): string {
  if (sql !== undefined) return sql;
  // sql_id 0 is valid: never test it for truthiness.
  const stored = sql_id === undefined ? undefined : stream.sqls.get(sql_id);
  if (stored === undefined) throw Object.assign(new Error(`No SQL stored under id ${sql_id}`), { code: 'SQL_NOT_FOUND' });
  return stored;
}

function argsOf(stmt: Stmt): SqlValue[] | Record<string, SqlValue> {
  if (stmt.named_args?.length) {
    const named: Record<string, SqlValue> = {};
    // Names arrive with or without their :, @ or $ prefix.
    for (const { name, value } of stmt.named_args) named[name.replace(/^[:@$]/, '')] = toSql(value);
    return named;
  }
  return (stmt.args ?? []).map(toSql);
}

const ok = (response: Record<string, unknown>): Result => ({ type: 'ok', response });

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
