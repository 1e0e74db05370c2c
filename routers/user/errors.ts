// The user domain's error codes, and the one place they become tRPC errors
// with messages a shopper can read.
import { TRPCError } from '@trpc/server';
import { DomainError } from '../../server/domain-error.ts';
import { FieldError } from '../../server/trpc.ts';

export type UserErrorCode =
  | 'EMAIL_TAKEN'
  | 'BAD_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_PASSWORD_ATTEMPTS'
  | 'TOO_MANY_REGISTRATIONS'
  | 'WRONG_CURRENT_PASSWORD'
  | 'ADDRESS_NOT_FOUND';

export class UserError extends DomainError<UserErrorCode> {
  override name = 'UserError';
  constructor(
    code: UserErrorCode,
    /** For TOO_MANY_*: how long until another attempt is allowed. */
    readonly retryAfterMs = 0,
  ) {
    super(code, code);
  }

  toTRPC(): TRPCError {
    return toTRPCError(this);
  }
}

function toTRPCError(error: UserError): TRPCError {
  switch (error.code) {
    case 'EMAIL_TAKEN':
      return fieldError('CONFLICT', 'email', 'An account with this email already exists');
    case 'BAD_CREDENTIALS':
      // One message for both cases: it must not tell which of the two was wrong.
      return new TRPCError({ code: 'UNAUTHORIZED', message: 'The email or password is not correct.' });
    case 'TOO_MANY_ATTEMPTS':
      return tooManyAttempts('Too many sign-in attempts.', error.retryAfterMs);
    case 'TOO_MANY_REGISTRATIONS':
      return tooManyAttempts('Too many new accounts from your network.', error.retryAfterMs);
    case 'TOO_MANY_PASSWORD_ATTEMPTS':
      // Not "wrong current passwords": failed sign-ins with this email count too.
      return tooManyAttempts('Too many password attempts on this account.', error.retryAfterMs);
    case 'WRONG_CURRENT_PASSWORD':
      return fieldError('BAD_REQUEST', 'currentPassword', 'Your current password is not correct.');
    case 'ADDRESS_NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: 'That address does not exist.' });
  }
}

function tooManyAttempts(what: string, retryAfterMs: number): TRPCError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `${what} Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  });
}

function fieldError(code: TRPCError['code'], field: string, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new FieldError(field, message) });
}
