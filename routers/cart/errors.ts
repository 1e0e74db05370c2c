// Cart domain errors: typed codes, mapped to tRPC errors in one place.
import { TRPCError } from '@trpc/server';
import { DomainError } from '../../server/domain-error.ts';

export type CartErrorCode = 'PRODUCT_NOT_FOUND' | 'SOLD_OUT' | 'NOT_ENOUGH_STOCK' | 'LINE_LIMIT' | 'CART_FULL';

export class CartError extends DomainError<CartErrorCode> {
  override name = 'CartError';

  toTRPC(): TRPCError {
    const code = this.code === 'PRODUCT_NOT_FOUND' ? 'NOT_FOUND' : 'BAD_REQUEST';
    return new TRPCError({ code, message: this.message, cause: this });
  }
}
