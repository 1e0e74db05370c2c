// Order domain errors: typed codes and what kind of failure each is.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type OrderErrorCode = 'ORDER_NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'PAYMENT_IN_PROGRESS';

const KINDS: Record<OrderErrorCode, ErrorKind> = {
  ORDER_NOT_FOUND: 'NOT_FOUND',
  ILLEGAL_TRANSITION: 'CONFLICT',
  PAYMENT_IN_PROGRESS: 'CONFLICT',
};

export class OrderError extends DomainError<OrderErrorCode> {
  override name = 'OrderError';
  get kind() {
    return KINDS[this.code];
  }
}

/** The same answer for an order that does not exist and one that is someone else's. */
export const orderNotFound = () => new OrderError('ORDER_NOT_FOUND', 'We could not find that order.');
