// The catalog administration's error codes, and the one place they become tRPC errors.
import { TRPCError } from '@trpc/server';

export type CatalogErrorCode = 'PRODUCT_NOT_FOUND' | 'CATEGORY_NOT_FOUND' | 'SLUG_TAKEN' | 'STOCK_BELOW_ZERO';

export class CatalogError extends Error {
  override name = 'CatalogError';
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const TRPC_CODES: Record<CatalogErrorCode, TRPCError['code']> = {
  PRODUCT_NOT_FOUND: 'NOT_FOUND',
  CATEGORY_NOT_FOUND: 'NOT_FOUND',
  SLUG_TAKEN: 'CONFLICT',
  STOCK_BELOW_ZERO: 'BAD_REQUEST',
};

export function toTRPCError(error: CatalogError): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.code], message: error.message, cause: error });
}
