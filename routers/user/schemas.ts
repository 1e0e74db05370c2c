// Valibot inputs of the user procedures. Messages read after the field's name.
import * as v from 'valibot';
import { id, noControlCharacters } from '../shared/schemas.ts';
import { isCountryCode } from '../shared/countries.ts';

/** One line of text, possibly empty. */
const optionalText = (max: number) =>
  v.pipe(v.string('must be text'), v.trim(), noControlCharacters(), v.maxLength(max, `must be at most ${max} characters`));

const text = (max: number) => v.pipe(optionalText(max), v.nonEmpty('is required'));

/** As typed at sign-in; the longest address SMTP allows, like registration. */
const emailText = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty('is required'),
  v.maxLength(254, 'must be at most 254 characters'),
);

export const email = v.pipe(emailText, v.email('must be a valid email address, like you@example.com'));

const newPassword = v.pipe(
  v.string('must be text'),
  v.minLength(8, 'must be at least 8 characters'),
  v.maxLength(128, 'must be at most 128 characters'),
);

const name = optionalText(100);

export const registerInput = v.pipe(
  v.object({
    email,
    password: newPassword,
    confirmPassword: v.string('must be text'),
    name: v.optional(name, ''),
    marketingOptIn: v.optional(v.boolean('must be true or false'), false),
  }),
  v.forward(
    v.partialCheck([['password'], ['confirmPassword']], (i) => i.password === i.confirmPassword, 'must match the password'),
    ['confirmPassword'],
  ),
);

export const loginInput = v.object({
  email: emailText,
  password: v.pipe(v.string('must be text'), v.nonEmpty('is required'), v.maxLength(1024, 'is too long')),
});

export const updateProfileInput = v.object({
  name: v.optional(name),
  marketingOptIn: v.optional(v.boolean('must be true or false')),
});

export const changePasswordInput = v.object({
  currentPassword: v.pipe(v.string('must be text'), v.nonEmpty('is required'), v.maxLength(1024, 'is too long')),
  newPassword,
});

export const requestPasswordResetInput = v.object({ email });

/** The token of an emailed reset link (43 characters as we make them). */
const resetToken = v.pipe(v.string('must be text'), v.maxLength(200, 'is too long'));

export const passwordResetLinkInput = v.object({ token: resetToken });

export const resetPasswordInput = v.pipe(
  v.object({
    token: v.pipe(resetToken, v.nonEmpty('is required')),
    password: newPassword,
    confirmPassword: v.string('must be text'),
  }),
  v.forward(
    v.partialCheck([['password'], ['confirmPassword']], (i) => i.password === i.confirmPassword, 'must match the password'),
    ['confirmPassword'],
  ),
);

/** A postal address, as saved in the address book and as an order ships to it. */
export const addressFields = {
  firstName: text(100),
  lastName: text(100),
  street: text(200),
  city: text(100),
  state: optionalText(100),
  zip: v.pipe(text(16), v.regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'must be letters, digits, spaces or dashes')),
  country: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.toUpperCase(),
    v.check(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code, like US'),
  ),
};

/** A shipping address on its own (checkout). */
export const addressInput = v.object(addressFields);
export type Address = v.InferOutput<typeof addressInput>;

export const saveAddressInput = v.object({
  id: v.optional(id),
  ...addressFields,
  isDefault: v.optional(v.boolean('must be true or false'), false),
});

export const deleteAddressInput = v.object({ id });

export type RegisterInput = v.InferOutput<typeof registerInput>;
export type SaveAddressInput = v.InferOutput<typeof saveAddressInput>;
