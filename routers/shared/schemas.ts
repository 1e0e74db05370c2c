// Valibot building blocks shared by the domain routers.
import * as v from 'valibot';
import { MAX_PAGE } from './paging.ts';

/** A database row id. */
export const id = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
);

/**
 * Refuses C0 control characters (NUL, ESC…) in text: SQLite cuts a stored string at
 * NUL and the others garble pages and logs. Multi-line text keeps tab, CR and LF.
 */
export const noControlCharacters = ({ multiline = false } = {}) =>
  v.regex(multiline ? /^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$/ : /^[^\x00-\x1f]*$/, 'must not contain control characters');

export const slug = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes'),
  v.maxLength(120, 'must be at most 120 characters'),
);

export const page = v.optional(
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(MAX_PAGE, 'must be at most 1,000,000'),
  ),
  1,
);

export const pageSize = (fallback: number, max = 100) =>
  v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(max, `must be at most ${max}`),
    ),
    fallback,
  );

/** A page of results, as every list procedure returns it. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
