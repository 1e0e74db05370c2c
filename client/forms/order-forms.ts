// The shopper's order forms: pay for a pending order (again, after a decline) and
// cancel it. Both go back to the order page, which says what happened.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import type { FormAction } from './form-action.ts';
import { cardOf, hiddenFieldIssues, orderPage } from './checkout-forms.ts';

export const payOrder: FormAction<{ status: string; declineCode?: string | null }> = {
  path: '/orders/pay',
  page: (f) => orderPage(f.orderId),
  run: (api, f) =>
    api.payment.pay({ orderId: wholeNumber(f.orderId), idempotencyKey: f.idempotencyKey ?? '', card: cardOf(f) }),
  // A decline is an answer, not an error: the order page explains it and offers to pay again.
  done: (f, result) =>
    orderPage(f.orderId, result.status === 'succeeded' ? '?payment=succeeded' : `?payment=declined${result.declineCode ? `&code=${encodeURIComponent(result.declineCode)}` : ''}`),
  fieldOf: hiddenFieldIssues,
};

export const cancelOrder: FormAction = {
  path: '/orders/cancel',
  page: (f) => orderPage(f.orderId),
  run: (api, f) => api.order.cancel({ orderId: wholeNumber(f.orderId) }),
  done: (f) => orderPage(f.orderId, '?cancelled=1'),
  fieldOf: hiddenFieldIssues,
};

export const orderActions: FormAction<any>[] = [payOrder, cancelOrder];
