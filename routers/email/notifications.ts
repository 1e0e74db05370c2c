// The hooks that queue the transactional emails, called by their domains once a
// change is committed. Each message is rendered now (a snapshot of what happened)
// and queued as an email.send job under a stable key, so a retried request or job
// queues it once; the job, not the request, talks to the mail provider.
import type { AppDeps } from '../context.ts';
import type { CancelReason } from '../order/cancel.ts';
import { getOrder } from '../order/queries.ts';
import { framedEmail, type EmailBody } from './layout.ts';
import {
  orderCancelledEmail,
  orderConfirmationEmail,
  orderShippedEmail,
  passwordResetEmail,
  paymentFailedEmail,
  welcomeEmail,
  type Decline,
  type OrderFacts,
} from './messages.ts';
import { queueEmail } from './send.ts';

type Deps = Pick<AppDeps, 'db' | 'scheduler' | 'config'>;

function queue(deps: Deps, to: string, body: EmailBody, key: string): Promise<void> {
  return queueEmail(deps, framedEmail(deps.config, to, body), key);
}

/** An order email goes to the address given at checkout. */
async function queueOrderEmail(deps: Deps, orderId: number, key: string, build: (order: OrderFacts) => EmailBody): Promise<void> {
  const order = await getOrder(deps.db, orderId);
  await queue(deps, order.email, build(order), key);
}

export const queueWelcome = (deps: Deps, user: { id: number; email: string; name: string }) =>
  queue(deps, user.email, welcomeEmail(deps.config, user), `welcome:${user.id}`);

export const queueOrderConfirmed = (deps: Deps, orderId: number) =>
  queueOrderEmail(deps, orderId, `order-confirmed:${orderId}`, (order) => orderConfirmationEmail(deps.config, order));

export const queuePaymentFailed = (deps: Deps, orderId: number, paymentId: number, decline: Decline) =>
  queueOrderEmail(deps, orderId, `payment-failed:${paymentId}`, (order) => paymentFailedEmail(deps.config, order, decline));

export const queueOrderCancelled = (deps: Deps, orderId: number, why: CancelReason) =>
  queueOrderEmail(deps, orderId, `order-cancelled:${orderId}`, (order) => orderCancelledEmail(deps.config, order, why));

export const queueOrderShipped = (deps: Deps, orderId: number) =>
  queueOrderEmail(deps, orderId, `order-shipped:${orderId}`, (order) => orderShippedEmail(deps.config, order));

/** The reset link goes to the account's address; one email per link (`linkId`: the stored hash of its token). */
export const queuePasswordReset = (deps: Deps, user: { email: string; name: string }, link: { url: string; id: string; validMinutes: number }) =>
  queue(deps, user.email, passwordResetEmail(deps.config, user, link.url, link.validMinutes), `password-reset:${link.id}`);
