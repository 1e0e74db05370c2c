// Catalog browsing errors: typed codes and what kind of failure each is.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type ProductErrorCode = 'CATEGORY_NOT_FOUND' | 'PRODUCT_UNAVAILABLE' | 'EMPTY_QUERY';

const KINDS: Record<ProductErrorCode, ErrorKind> = {
  CATEGORY_NOT_FOUND: 'NOT_FOUND',
  PRODUCT_UNAVAILABLE: 'NOT_FOUND',
  EMPTY_QUERY: 'BAD_REQUEST',
};

export class ProductError extends DomainError<ProductErrorCode> {
  override name = 'ProductError';
  get kind() {
    return KINDS[this.code];
  }
}
