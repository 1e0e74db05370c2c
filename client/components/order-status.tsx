// An order's status in words, and as a coloured badge.
import type { Api, ApiOutput } from '../api.ts';

type OrderStatus = ApiOutput<Api['order']['get']>['status'];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/** Every status, for the admin list's filter. */
export const ORDER_STATUSES = Object.keys(STATUS_LABELS) as OrderStatus[];

const STATUS_STYLES: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-100 text-amber-900 border-amber-300',
  paid: 'bg-green-100 text-green-900 border-green-300',
  shipped: 'bg-blue-100 text-blue-900 border-blue-300',
  completed: 'bg-gray-100 text-gray-900 border-gray-300',
  cancelled: 'bg-gray-100 text-gray-700 border-gray-300',
  refunded: 'bg-purple-100 text-purple-900 border-purple-300',
};

export function StatusBadge(props: { status: OrderStatus }) {
  return (
    <span class={`order-status inline-block whitespace-nowrap text-xs font-semibold px-2 py-0.5 rounded-full border ${STATUS_STYLES[props.status]}`}>
      {STATUS_LABELS[props.status]}
    </span>
  );
}
