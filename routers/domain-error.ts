// The base of every domain's typed error. Domain code throws these with a code
// and a message a shopper can read; routers/trpc.ts turns them into the error an
// API client sees, in one place. No tRPC here: domains stay transport-free.

/** What kind of failure a domain code is, named as the API reports it. */
export type ErrorKind = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export abstract class DomainError<Code extends string = string> extends Error {
  /** The kind of failure, from the domain's own table of codes. */
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: Code,
    message: string,
    /** The input field the error is about (forms show it there), if it is about one. */
    readonly field?: string,
  ) {
    super(message);
  }
}
