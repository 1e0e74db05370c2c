// The card as a client sends it. Its shape is checked here; whether it is a
// valid, unexpired card (Luhn, dates) is the payment domain's (card.ts).
import * as v from 'valibot';

const whole = (min: number, max: number) =>
  v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));

export const cardInput = v.object({
  number: v.pipe(v.string('must be text'), v.maxLength(40, 'must be at most 40 characters')),
  expMonth: whole(1, 12),
  expYear: whole(2000, 2100),
  cvv: v.pipe(v.string('must be text'), v.maxLength(4, 'must be 3 or 4 digits')),
  name: v.optional(v.pipe(v.string('must be text'), v.trim(), v.maxLength(100, 'must be at most 100 characters'))),
});
