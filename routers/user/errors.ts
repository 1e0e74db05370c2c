// The user domain's error codes, each with the kind of failure and the words a
// shopper reads.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type UserErrorCode =
  | 'EMAIL_TAKEN'
  | 'BAD_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_PASSWORD_ATTEMPTS'
  | 'TOO_MANY_REGISTRATIONS'
  | 'WRONG_CURRENT_PASSWORD'
  | 'ADDRESS_NOT_FOUND'
  | 'TOO_MANY_RESET_REQUESTS'
  | 'RESET_LINK_INVALID';

const KINDS: Record<UserErrorCode, ErrorKind> = {
  EMAIL_TAKEN: 'CONFLICT',
  BAD_CREDENTIALS: 'UNAUTHORIZED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  TOO_MANY_PASSWORD_ATTEMPTS: 'TOO_MANY_REQUESTS',
  TOO_MANY_REGISTRATIONS: 'TOO_MANY_REQUESTS',
  WRONG_CURRENT_PASSWORD: 'BAD_REQUEST',
  ADDRESS_NOT_FOUND: 'NOT_FOUND',
  TOO_MANY_RESET_REQUESTS: 'TOO_MANY_REQUESTS',
  RESET_LINK_INVALID: 'BAD_REQUEST',
};

const FIELDS: Partial<Record<UserErrorCode, string>> = { EMAIL_TAKEN: 'email', WRONG_CURRENT_PASSWORD: 'currentPassword' };

export class UserError extends DomainError<UserErrorCode> {
  override name = 'UserError';
  constructor(
    code: UserErrorCode,
    /** For TOO_MANY_*: how long until another attempt is allowed. */
    readonly retryAfterMs = 0,
  ) {
    super(code, messageOf(code, retryAfterMs), FIELDS[code]);
  }

  get kind() {
    return KINDS[this.code];
  }
}

function messageOf(code: UserErrorCode, retryAfterMs: number): string {
  switch (code) {
    case 'EMAIL_TAKEN':
      return 'An account with this email already exists';
    case 'BAD_CREDENTIALS':
      // One message for both cases: it must not tell which of the two was wrong.
      return 'The email or password is not correct.';
    case 'TOO_MANY_ATTEMPTS':
      return tooManyAttempts('Too many sign-in attempts.', retryAfterMs);
    case 'TOO_MANY_REGISTRATIONS':
      return tooManyAttempts('Too many new accounts from your network.', retryAfterMs);
    case 'TOO_MANY_PASSWORD_ATTEMPTS':
      // Not "wrong current passwords": failed sign-ins with this email count too.
      return tooManyAttempts('Too many password attempts on this account.', retryAfterMs);
    case 'WRONG_CURRENT_PASSWORD':
      return 'Your current password is not correct.';
    case 'ADDRESS_NOT_FOUND':
      return 'That address does not exist.';
    case 'TOO_MANY_RESET_REQUESTS':
      return tooManyAttempts('Too many password reset requests.', retryAfterMs);
    case 'RESET_LINK_INVALID':
      // One message for used, expired and made-up links.
      return RESET_LINK_INVALID_MESSAGE;
  }
}

export const RESET_LINK_INVALID_MESSAGE = 'This password reset link has expired or has already been used. Please ask for a new one.';

function tooManyAttempts(what: string, retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `${what} Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
