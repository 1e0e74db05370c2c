// Input fields of the coupon admin procedures; each message names what is wrong with its field.
import * as v from 'valibot';
import { priceCents } from '../product/schemas.ts';
import { id, noControlCharacters } from '../shared/schemas.ts';

/** A coupon code as typed: trimmed and upper-cased, so "welcome10 " and "WELCOME10" are one code. */
export const code = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.toUpperCase(),
  v.minLength(3, 'must be at least 3 characters'),
  v.maxLength(32, 'must be at most 32 characters'),
  v.regex(/^[A-Z0-9_-]*$/, 'must be letters, digits, dashes and underscores only'),
);

const kind = v.picklist(['percent', 'fixed'], 'must be "percent" or "fixed"');

const percent = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be between 1 and 100'),
  v.maxValue(100, 'must be between 1 and 100'),
);

const amountCents = v.pipe(priceCents, v.minValue(1, 'must be more than zero'));

/** A moment as epoch milliseconds. */
const time = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(0, 'must not be before 1970'),
  v.maxValue(8.64e15, 'is too far in the future'),
);

/** A number of uses. */
const limit = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(1_000_000_000, 'must be at most 1,000,000,000'),
);

const description = v.pipe(
  v.string('must be text'),
  v.trim(),
  noControlCharacters(),
  v.maxLength(200, 'must be at most 200 characters'),
);

const active = v.boolean('must be true or false');

/** A start and an end, when both are given, in that order. */
const inOrder = (window: { startsAt?: number | null; endsAt?: number | null }) =>
  window.startsAt == null || window.endsAt == null || window.endsAt > window.startsAt;

const REQUIRED = { percent: 'is required for a percent coupon', amountCents: 'is required for a fixed coupon' };
const ONLY = { percent: 'only applies to a percent coupon', amountCents: 'only applies to a fixed coupon' };

export const createCouponInput = v.pipe(
  v.object({
    code,
    kind,
    percent: v.optional(percent),
    amountCents: v.optional(amountCents),
    minSubtotalCents: v.optional(priceCents),
    startsAt: v.optional(time),
    endsAt: v.optional(time),
    maxRedemptions: v.optional(limit),
    maxPerCustomer: v.optional(limit),
    active: v.optional(active),
    description: v.optional(description),
  }),
  // The kind decides which of percent and amountCents the coupon has: exactly that one.
  v.forward(v.partialCheck([['kind'], ['percent']], (i) => i.kind !== 'percent' || i.percent !== undefined, REQUIRED.percent), ['percent']),
  v.forward(v.partialCheck([['kind'], ['percent']], (i) => i.kind !== 'fixed' || i.percent === undefined, ONLY.percent), ['percent']),
  v.forward(
    v.partialCheck([['kind'], ['amountCents']], (i) => i.kind !== 'fixed' || i.amountCents !== undefined, REQUIRED.amountCents),
    ['amountCents'],
  ),
  v.forward(
    v.partialCheck([['kind'], ['amountCents']], (i) => i.kind !== 'percent' || i.amountCents === undefined, ONLY.amountCents),
    ['amountCents'],
  ),
  v.forward(v.partialCheck([['startsAt'], ['endsAt']], inOrder, 'must be after startsAt'), ['endsAt']),
);

export const updateCouponInput = v.pipe(
  v.object({
    id,
    active: v.optional(active),
    startsAt: v.optional(v.nullable(time)),
    endsAt: v.optional(v.nullable(time)),
    maxRedemptions: v.optional(v.nullable(limit)),
    maxPerCustomer: v.optional(v.nullable(limit)),
    minSubtotalCents: v.optional(priceCents),
    description: v.optional(description),
  }),
  // Against the stored dates too: updateCoupon checks the window it will leave.
  v.forward(v.partialCheck([['startsAt'], ['endsAt']], inOrder, 'must be after startsAt'), ['endsAt']),
);
