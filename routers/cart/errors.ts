// Cart domain errors: typed codes and what kind of failure each is.
import { DomainError } from '../domain-error.ts';

export type CartErrorCode = 'PRODUCT_NOT_FOUND' | 'SOLD_OUT' | 'NOT_ENOUGH_STOCK' | 'LINE_LIMIT' | 'CART_FULL';

export class CartError extends DomainError<CartErrorCode> {
  override name = 'CartError';
  get kind() {
    return this.code === 'PRODUCT_NOT_FOUND' ? ('NOT_FOUND' as const) : ('BAD_REQUEST' as const);
  }
}
