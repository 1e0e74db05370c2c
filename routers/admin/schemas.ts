// Input fields of the catalog admin procedures.
import * as v from 'valibot';
import { IMAGE_URL_PATTERN, IMAGE_URL_RULE } from '../shared/image-url.ts';
import { noControlCharacters } from '../shared/schemas.ts';

export const name = v.pipe(
  v.string('must be text'),
  v.trim(),
  noControlCharacters(),
  v.nonEmpty('must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
);

export const description = v.pipe(
  v.string('must be text'),
  v.trim(),
  noControlCharacters({ multiline: true }),
  v.maxLength(5000, 'must be at most 5,000 characters'),
);

export const imageUrl = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.maxLength(500, 'must be at most 500 characters'),
  noControlCharacters(),
  v.regex(IMAGE_URL_PATTERN, IMAGE_URL_RULE),
);

export const stock = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(1_000_000, 'must be at most 1,000,000'),
);

export const delta = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(-1_000_000, 'must be at least -1,000,000'),
  v.maxValue(1_000_000, 'must be at most 1,000,000'),
  v.check((n) => n !== 0, 'must not be zero'),
);

export const reason = v.pipe(
  v.string('must be text'),
  v.trim(),
  noControlCharacters(),
  v.nonEmpty('say why the stock changed'),
  v.maxLength(200, 'must be at most 200 characters'),
);
