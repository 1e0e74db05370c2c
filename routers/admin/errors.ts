// The catalog administration's error codes, and the one place they become tRPC errors.
import { TRPCError } from '@trpc/server';
import { DomainError } from '../../server/domain-error.ts';

export type CatalogErrorCode = 'PRODUCT_NOT_FOUND' | 'CATEGORY_NOT_FOUND' | 'SLUG_TAKEN' | 'STOCK_BELOW_ZERO';

export class CatalogError extends DomainError<CatalogErrorCode> {
  override name = 'CatalogError';

  toTRPC(): TRPCError {
    return new TRPCError({ code: TRPC_CODES[this.code], message: this.message, cause: this });
  }
}

const TRPC_CODES: Record<CatalogErrorCode, TRPCError['code']> = {
  PRODUCT_NOT_FOUND: 'NOT_FOUND',
  CATEGORY_NOT_FOUND: 'NOT_FOUND',
  SLUG_TAKEN: 'CONFLICT',
  STOCK_BELOW_ZERO: 'BAD_REQUEST',
};
