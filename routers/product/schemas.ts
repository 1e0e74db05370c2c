// Valibot fields of the catalog's procedures (shopper and admin).
import * as v from 'valibot';

/** A database row id. */
export const id = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
);

/** An amount of money in integer minor units (cents). */
export const priceCents = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of cents'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(100_000_000, 'must be at most 1,000,000.00'),
);
