// The catalog administration's error codes and what kind of failure each is.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type CatalogErrorCode = 'PRODUCT_NOT_FOUND' | 'CATEGORY_NOT_FOUND' | 'SLUG_TAKEN' | 'STOCK_BELOW_ZERO';

const KINDS: Record<CatalogErrorCode, ErrorKind> = {
  PRODUCT_NOT_FOUND: 'NOT_FOUND',
  CATEGORY_NOT_FOUND: 'NOT_FOUND',
  SLUG_TAKEN: 'CONFLICT',
  STOCK_BELOW_ZERO: 'BAD_REQUEST',
};

export class CatalogError extends DomainError<CatalogErrorCode> {
  override name = 'CatalogError';
  get kind() {
    return KINDS[this.code];
  }
}
