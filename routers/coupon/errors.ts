// The coupon domain's error codes, what kind of failure each is and the field it is about.
import { DomainError, type ErrorKind } from '../domain-error.ts';

export type CouponErrorCode = 'COUPON_NOT_FOUND' | 'CODE_TAKEN' | 'INVALID_COUPON';

const KINDS: Record<CouponErrorCode, ErrorKind> = {
  COUPON_NOT_FOUND: 'NOT_FOUND',
  CODE_TAKEN: 'CONFLICT',
  INVALID_COUPON: 'BAD_REQUEST',
};

const FIELDS: Partial<Record<CouponErrorCode, string>> = { CODE_TAKEN: 'code' };

export class CouponError extends DomainError<CouponErrorCode> {
  override name = 'CouponError';
  constructor(code: CouponErrorCode, message: string, field = FIELDS[code]) {
    super(code, message, field);
  }

  get kind() {
    return KINDS[this.code];
  }
}
