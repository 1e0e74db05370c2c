// Checkout and payment errors: typed codes and what kind of failure each is.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type CheckoutErrorCode =
  | 'CART_NOT_READY'
  | 'OUT_OF_STOCK'
  | 'COUPON_UNAVAILABLE'
  | 'INVALID_CARD'
  | 'KEY_REUSED'
  | 'ORDER_NOT_PAYABLE'
  | 'PAYMENT_WINDOW_CLOSED';

const KINDS: Record<CheckoutErrorCode, ErrorKind> = {
  CART_NOT_READY: 'BAD_REQUEST',
  OUT_OF_STOCK: 'CONFLICT',
  COUPON_UNAVAILABLE: 'CONFLICT',
  INVALID_CARD: 'BAD_REQUEST',
  KEY_REUSED: 'CONFLICT',
  ORDER_NOT_PAYABLE: 'CONFLICT',
  PAYMENT_WINDOW_CLOSED: 'CONFLICT',
};

export class CheckoutError extends DomainError<CheckoutErrorCode> {
  override name = 'CheckoutError';
  get kind() {
    return KINDS[this.code];
  }
}
