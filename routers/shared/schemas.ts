// Valibot building blocks shared by the domain routers.
import * as v from 'valibot';

/** A database row id. */
export const id = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
);

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
    // Far past any real catalog, and small enough that the SQL offset stays an integer.
    v.maxValue(1_000_000, 'must be at most 1,000,000'),
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
