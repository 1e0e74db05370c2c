// The admin console's order and coupon forms: ship, complete and refund an order;
// create a coupon and switch one on or off. Each works as a plain post and with JS.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { parseDollars } from '../format.ts';
import { checked, FormFieldError, type Fields, type FormAction } from './form-action.ts';

/** An admin order page, with a confirmation; only a numeric id makes it into the URL. */
export const adminOrderPage = (id: string | number | undefined, saved?: string) =>
  /^\d{1,15}$/.test(String(id)) ? `/admin/orders/${id}${saved ? `?saved=${saved}` : ''}` : '/admin/orders';

const orderId = (f: Fields) => ({ orderId: wholeNumber(f.orderId) });
const fieldOf = { orderId: '' };

export const shipOrder: FormAction = {
  path: '/admin/orders/ship',
  page: (f) => adminOrderPage(f.orderId),
  run: (api, f) => api.admin.order.markShipped(orderId(f)),
  done: (f) => adminOrderPage(f.orderId, 'shipped'),
  fieldOf,
};

export const completeOrder: FormAction = {
  path: '/admin/orders/complete',
  page: (f) => adminOrderPage(f.orderId),
  run: (api, f) => api.admin.order.complete(orderId(f)),
  done: (f) => adminOrderPage(f.orderId, 'completed'),
  fieldOf,
};

export const refundOrder: FormAction = {
  path: '/admin/orders/refund',
  page: (f) => adminOrderPage(f.orderId),
  run: (api, f) => api.admin.order.refund({ ...orderId(f), restock: checked(f, 'restock') }),
  done: (f) => adminOrderPage(f.orderId, 'refunded'),
  fieldOf,
};

/** Dollars typed in a form as cents; empty is undefined (the procedure's default). */
function optionalDollars(f: Fields, name: string): number | undefined {
  const text = f[name]?.trim();
  if (!text) return undefined;
  const cents = parseDollars(text);
  if (cents === null) throw new FormFieldError(name, 'must be an amount in dollars, like 5.00');
  return cents;
}

const optionalWhole = (text?: string) => (text?.trim() ? wholeNumber(text) : undefined);

/** A day typed as YYYY-MM-DD, as the start (or the end) of that day in UTC. */
function optionalDay(f: Fields, name: string, end = false): number | undefined {
  const text = f[name]?.trim();
  if (!text) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T${end ? '23:59:59.999' : '00:00:00.000'}Z`) : NaN;
  if (Number.isNaN(at)) throw new FormFieldError(name, 'must be a date, like 2026-12-31');
  return at;
}

export const createCoupon: FormAction = {
  path: '/admin/coupons/new',
  page: () => '/admin/coupons',
  run: async (api, f) => {
    const kind = f.kind === 'fixed' ? 'fixed' : 'percent';
    return api.admin.coupon.create({
      code: f.code ?? '',
      kind,
      ...(kind === 'percent' ? { percent: optionalWhole(f.percent) } : { amountCents: optionalDollars(f, 'amount') }),
      minSubtotalCents: optionalDollars(f, 'minSubtotal'),
      startsAt: optionalDay(f, 'startsAt'),
      endsAt: optionalDay(f, 'endsAt', true),
      maxRedemptions: optionalWhole(f.maxRedemptions),
      maxPerCustomer: optionalWhole(f.maxPerCustomer),
      active: checked(f, 'active'),
      description: f.description?.trim() || undefined,
    });
  },
  done: () => '/admin/coupons?saved=created',
  // Cents and times are typed in dollars and days.
  fieldOf: { amountCents: 'amount', minSubtotalCents: 'minSubtotal' },
};

export const setCouponActive: FormAction = {
  path: '/admin/coupons/active',
  page: () => '/admin/coupons',
  run: (api, f) => api.admin.coupon.update({ id: wholeNumber(f.id), active: f.active === '1' }),
  done: (f) => `/admin/coupons?saved=${f.active === '1' ? 'activated' : 'deactivated'}`,
};

export const adminOrderActions: FormAction<any>[] = [shipOrder, completeOrder, refundOrder, createCoupon, setCouponActive];
