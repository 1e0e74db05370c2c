// Valibot fields of the catalog's procedures (shopper and admin).
import * as v from 'valibot';

/** An amount of money in integer minor units (cents). */
export const priceCents = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of cents'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(100_000_000, 'must be at most 1,000,000.00'),
);
