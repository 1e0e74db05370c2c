// The base of every domain's typed error. Domain code throws these; the tRPC
// procedures turn them into the TRPCError a client sees, in one middleware
// (server/trpc.ts), using the domain's own mapping (toTRPC).
import type { TRPCError } from '@trpc/server';

export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }

  /** The error as an API client or shopper sees it: a tRPC code and a readable message. */
  abstract toTRPC(): TRPCError;
}
