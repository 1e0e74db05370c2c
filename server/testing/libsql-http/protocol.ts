// The parts of the libSQL remote protocol (Hrana over HTTP, "pipeline" endpoint)
// that @libsql/client sends: request and result shapes, and value conversion
// between Hrana's JSON values and SQLite's. Spec: tursodatabase/libsql
// docs/HTTP_V2_SPEC.md and docs/HRANA_3_SPEC.md.

export type HranaValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

export interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}

export type BatchCond =
  | { type: 'ok'; step: number }
  | { type: 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and'; conds: BatchCond[] }
  | { type: 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' };

export type PipelineRequest =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { condition?: BatchCond | null; stmt: Stmt }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' };

export interface StmtResult {
  cols: { name: string; decltype: string | null }[];
  rows: HranaValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

export interface HranaError {
  message: string;
  code: string;
}

export type SqlValue = null | bigint | number | string | Uint8Array;

export function toSql(value: HranaValue): SqlValue {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return value.value;
    case 'text':
      return value.value;
    case 'blob':
      return Buffer.from(value.base64, 'base64');
  }
}

export function fromSql(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  // The statements run with safeIntegers, so SQLite's INTEGERs arrive as bigints and
  // every JavaScript number is a REAL: a float, even with no fractional part (0.0,
  // 1e18, a Date sent as milliseconds). JSON has no Infinity or NaN (SQLite stores NaN as NULL).
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot send the non-finite REAL ${value} as a Hrana value`);
    return { type: 'float', value };
  }
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  if (ArrayBuffer.isView(value)) return { type: 'blob', base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  throw new Error(`cannot send a ${typeof value} as a Hrana value`);
}

/** SQLite's error code as the protocol carries it: the primary code (SQLITE_CONSTRAINT, not _UNIQUE). */
export function toHranaError(error: unknown): HranaError {
  const { message = String(error), code = 'UNKNOWN' } = error as { message?: string; code?: string };
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  return { message, code: primary };
}
