// Cart domain errors: typed codes, mapped to tRPC errors in one place.
import { TRPCError } from '@trpc/server';

export type CartErrorCode = 'PRODUCT_NOT_FOUND' | 'SOLD_OUT' | 'NOT_ENOUGH_STOCK' | 'LINE_LIMIT' | 'CART_FULL';

export class CartError extends Error {
  override name = 'CartError';
  constructor(
    readonly code: CartErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function toTRPCError(error: CartError): TRPCError {
  const code = error.code === 'PRODUCT_NOT_FOUND' ? 'NOT_FOUND' : 'BAD_REQUEST';
  return new TRPCError({ code, message: error.message, cause: error });
}

/** Awaits a cart operation, turning a CartError into the TRPCError a shopper sees. */
export async function asTRPC<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw error instanceof CartError ? toTRPCError(error) : error;
  }
}
