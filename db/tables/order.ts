// Orders, their lines, status history and payments, coupons, idempotency keys.
// Money is integer cents; timestamps are epoch milliseconds.
import type { Generated, Selectable } from 'kysely';

export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';

export interface CouponTable {
  id: Generated<number>;
  /** Upper-case; codes match case-insensitively. */
  code: string;
  description: Generated<string>;
  kind: 'percent' | 'fixed';
  percent: number | null;
  amountCents: number | null;
  minSubtotalCents: Generated<number>;
  startsAt: number | null;
  endsAt: number | null;
  maxRedemptions: number | null;
  maxPerCustomer: number | null;
  redemptionCount: Generated<number>;
  active: Generated<number>;
  createdAt: number;
  updatedAt: number;
}

export interface CouponRedemptionTable {
  id: Generated<number>;
  couponId: number;
  userId: number;
  orderId: number;
  createdAt: number;
  /** Set when the order was cancelled and the use given back. */
  releasedAt: number | null;
}

export interface OrderTable {
  id: Generated<number>;
  userId: number;
  status: OrderStatus;
  email: string;
  /** JSON of the ShippingAddress. */
  shippingAddress: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
  couponCode: string | null;
  expiresAt: number;
  chargingUntil: number | null;
  cancelReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface OrderLineTable {
  id: Generated<number>;
  orderId: number;
  productId: number;
  slug: string;
  name: string;
  imageUrl: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface OrderEventTable {
  id: Generated<number>;
  orderId: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string;
  at: number;
}

export interface PaymentTable {
  id: Generated<number>;
  orderId: number;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'declined' | 'refunded';
  brand: string;
  last4: string;
  transactionId: string | null;
  declineCode: string | null;
  createdAt: number;
}

export interface IdempotencyKeyTable {
  userId: number;
  /** Which operation the key belongs to: 'checkout' or 'payment'. */
  scope: string;
  key: string;
  requestHash: string;
  response: string | null;
  createdAt: number;
}

export type Coupon = Selectable<CouponTable>;
export type Order = Selectable<OrderTable>;
