// The shop's transactional emails: welcome, order confirmed, payment failed, order
// cancelled, order shipped. Each is a pure function of the shop and the facts it
// tells, returning an EmailBody (subject, HTML, plain text) for framedEmail. Every
// value that comes from a person (names, addresses, product names, coupon codes)
// goes through the `html` template, which escapes it; the plain-text part carries
// it as written.
import type { ShippingAddress } from '../checkout/place-order.ts';
import type { Config } from '../config.ts';
import type { CancelReason } from '../order/cancel.ts';
import { formatMoney } from '../shared/money.ts';
import { html, type EmailBody } from './layout.ts';

export type Shop = Pick<Config, 'shopName' | 'shopAddress' | 'publicUrl'>;

/** What the order emails tell about an order (a subset of what order.get returns). */
export interface OrderFacts {
  id: number;
  lines: { name: string; quantity: number; unitPriceCents: number; lineTotalCents: number }[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
  couponCode: string | null;
  shippingAddress: ShippingAddress;
  /** When an unpaid order is cancelled. */
  expiresAt: number;
}

export const orderUrl = (shop: Shop, orderId: number) => `${shop.publicUrl}/orders/${orderId}`;

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
/** "Dec 3, 2026, 2:05 PM UTC": emails have no time zone of their reader either. */
const formatTime = (ms: number) => `${dateTime.format(ms)} UTC`;

const P = 'margin:0 0 16px';
const MUTED = 'color:#6b7280';
const CELL = 'padding:6px 0;border-bottom:1px solid #e5e7eb;vertical-align:top';

function button(href: string, label: string) {
  return html`<p style="${P}"><a href="${href}" style="display:inline-block;background:#111827;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${label}</a></p>`;
}

const greeting = (name: string) => (name.trim() ? `Hi ${name.trim()},` : 'Hi there,');

/** The address as lines of text, the way the order page shows it. */
function addressLines(a: ShippingAddress): string[] {
  const city = a.state ? `${a.city}, ${a.state}` : a.city;
  const cityLine = ['US', 'CA', 'AU'].includes(a.country) ? `${city} ${a.zip}` : `${a.zip} ${city}`;
  return [`${a.firstName} ${a.lastName}`, a.street, cityLine.trim(), regionName(a.country)];
}

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
function regionName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

function addressHtml(a: ShippingAddress) {
  const lines = addressLines(a);
  return html`<p style="${P};line-height:1.45"><strong>Shipping to</strong><br>${lines.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>`;
}

const addressText = (a: ShippingAddress) => `Shipping to:\n${addressLines(a).map((l) => `  ${l}`).join('\n')}`;

/** Label and amount rows of the totals; the discount only when there is one. */
function totalRows(o: OrderFacts): [string, string][] {
  const money = (cents: number) => formatMoney(cents, o.currency);
  return [
    ['Subtotal', money(o.subtotalCents)],
    ...(o.discountCents > 0 ? [[`Discount${o.couponCode ? ` (${o.couponCode})` : ''}`, `−${money(o.discountCents)}`] as [string, string]] : []),
    ['Shipping', o.shippingCents === 0 ? 'Free' : money(o.shippingCents)],
    ['Tax', money(o.taxCents)],
    ['Total', money(o.totalCents)],
  ];
}

function orderTableHtml(o: OrderFacts) {
  const money = (cents: number) => formatMoney(cents, o.currency);
  const rows = totalRows(o);
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px;font-size:14px">
${o.lines.map(
  (l) => html`<tr><td style="${CELL}">${l.name}<br><span style="${MUTED}">${l.quantity} × ${money(l.unitPriceCents)}</span></td><td align="right" style="${CELL};white-space:nowrap">${money(l.lineTotalCents)}</td></tr>
`,
)}${rows.map(
    ([label, amount], i) =>
      html`<tr><td style="padding:4px 0${i === rows.length - 1 ? ';font-weight:700;font-size:15px' : ''}">${label}</td><td align="right" style="padding:4px 0;white-space:nowrap${i === rows.length - 1 ? ';font-weight:700;font-size:15px' : ''}">${amount}</td></tr>
`,
  )}</table>`;
}

function orderTableText(o: OrderFacts): string {
  const money = (cents: number) => formatMoney(cents, o.currency);
  const lines = o.lines.map((l) => `- ${l.name}: ${l.quantity} × ${money(l.unitPriceCents)} = ${money(l.lineTotalCents)}`);
  const totals = totalRows(o).map(([label, amount]) => `${label}: ${amount}`);
  return [...lines, '', ...totals].join('\n');
}

const body = (subject: string, parts: unknown[], text: string[]): EmailBody => ({
  subject,
  html: parts.map(String).join('\n'),
  text: text.join('\n\n'),
});

export function welcomeEmail(shop: Shop, user: { name: string }): EmailBody {
  return body(
    `Welcome to ${shop.shopName}`,
    [
      html`<p style="${P}">${greeting(user.name)}</p>`,
      html`<p style="${P}">Thanks for creating an account at ${shop.shopName}. You can now check out faster, save your addresses and follow your orders from your account.</p>`,
      button(`${shop.publicUrl}/`, 'Start shopping'),
      html`<p style="${P};${MUTED};font-size:13px">If you did not create this account, you can ignore this email.</p>`,
    ],
    [
      greeting(user.name),
      `Thanks for creating an account at ${shop.shopName}. You can now check out faster, save your addresses and follow your orders from your account.`,
      `Start shopping: ${shop.publicUrl}/`,
      'If you did not create this account, you can ignore this email.',
    ],
  );
}

export function orderConfirmationEmail(shop: Shop, order: OrderFacts): EmailBody {
  const link = orderUrl(shop, order.id);
  const name = order.shippingAddress.firstName;
  return body(
    `Order #${order.id} is confirmed`,
    [
      html`<p style="${P}">${greeting(name)}</p>`,
      html`<p style="${P}">Thank you for your order. We have received your payment of <strong>${formatMoney(order.totalCents, order.currency)}</strong> and will let you know when order <strong>#${order.id}</strong> ships.</p>`,
      orderTableHtml(order),
      addressHtml(order.shippingAddress),
      button(link, 'View your order'),
    ],
    [
      greeting(name),
      `Thank you for your order. We have received your payment of ${formatMoney(order.totalCents, order.currency)} and will let you know when order #${order.id} ships.`,
      orderTableText(order),
      addressText(order.shippingAddress),
      `View your order: ${link}`,
    ],
  );
}

export interface Decline {
  /** What the card gateway said, in words a shopper reads. */
  message: string;
}

export function paymentFailedEmail(shop: Shop, order: OrderFacts, decline: Decline): EmailBody {
  const link = orderUrl(shop, order.id);
  const name = order.shippingAddress.firstName;
  const total = formatMoney(order.totalCents, order.currency);
  const deadline = formatTime(order.expiresAt);
  return body(
    `Payment for order #${order.id} did not go through`,
    [
      html`<p style="${P}">${greeting(name)}</p>`,
      html`<p style="${P}">We could not take the payment of <strong>${total}</strong> for order <strong>#${order.id}</strong>.</p>`,
      html`<p style="${P};padding:10px 12px;background:#fef2f2;border:1px solid #fecaca;border-radius:6px;color:#991b1b">${decline.message}</p>`,
      html`<p style="${P}">We are holding your items until <strong>${deadline}</strong>. Pay before then with another card and the order is yours; after that it is cancelled and nothing is charged.</p>`,
      button(link, 'Pay again'),
      orderTableHtml(order),
    ],
    [
      greeting(name),
      `We could not take the payment of ${total} for order #${order.id}.`,
      `Reason: ${decline.message}`,
      `We are holding your items until ${deadline}. Pay before then with another card and the order is yours; after that it is cancelled and nothing is charged.`,
      `Pay again: ${link}`,
      orderTableText(order),
    ],
  );
}

const CANCELLED_BECAUSE: Record<CancelReason, string> = {
  timeout: 'it was not paid in time',
  shopper: 'you cancelled it',
};

export function orderCancelledEmail(shop: Shop, order: OrderFacts, why: CancelReason): EmailBody {
  const link = orderUrl(shop, order.id);
  const name = order.shippingAddress.firstName;
  const because = `Your order #${order.id} has been cancelled because ${CANCELLED_BECAUSE[why]}.`;
  const released = 'Nothing was charged, and the items it held have gone back on the shelf for everyone.';
  const coupon = order.couponCode ? `Your coupon ${order.couponCode} has been given back, so you can use it on another order.` : undefined;
  return body(
    `Order #${order.id} was cancelled`,
    [
      html`<p style="${P}">${greeting(name)}</p>`,
      html`<p style="${P}">${because}</p>`,
      html`<p style="${P}">${released}</p>`,
      ...(coupon ? [html`<p style="${P}">${coupon}</p>`] : []),
      orderTableHtml(order),
      button(link, 'View the order'),
    ],
    [greeting(name), because, released, ...(coupon ? [coupon] : []), orderTableText(order), `View the order: ${link}`],
  );
}

export function orderShippedEmail(shop: Shop, order: OrderFacts): EmailBody {
  const link = orderUrl(shop, order.id);
  const name = order.shippingAddress.firstName;
  const items = order.lines.reduce((n, l) => n + l.quantity, 0);
  const news = `Good news: order #${order.id} (${items} ${items === 1 ? 'item' : 'items'}) is on its way.`;
  return body(
    `Order #${order.id} has shipped`,
    [
      html`<p style="${P}">${greeting(name)}</p>`,
      html`<p style="${P}">${news}</p>`,
      addressHtml(order.shippingAddress),
      orderTableHtml(order),
      button(link, 'Track your order'),
    ],
    [greeting(name), news, addressText(order.shippingAddress), orderTableText(order), `Track your order: ${link}`],
  );
}

export function passwordResetEmail(shop: Shop, user: { name: string }, link: string, validMinutes: number): EmailBody {
  const validity = `The link works once, for ${validMinutes} minutes.`;
  const notYou = 'If you did not ask for this, ignore this email: your password stays as it is.';
  return body(
    `Reset your ${shop.shopName} password`,
    [
      html`<p style="${P}">${greeting(user.name)}</p>`,
      html`<p style="${P}">Someone (we hope you) asked to reset the password of your ${shop.shopName} account. Choose a new password here:</p>`,
      button(link, 'Choose a new password'),
      html`<p style="${P};${MUTED};font-size:13px">${validity} ${notYou}</p>`,
    ],
    [
      greeting(user.name),
      `Someone (we hope you) asked to reset the password of your ${shop.shopName} account. Choose a new password here:`,
      link,
      `${validity} ${notYou}`,
    ],
  );
}

/**
 * A marketing campaign as one subscriber's email: the admin's HTML as written (it is
 * the shop's own, trusted markup; nothing about the subscriber is put into it), its
 * plain text, and the subscriber's own unsubscribe link for the frame.
 */
export function campaignEmail(campaign: { subject: string; html: string; text: string }, unsubscribeUrl: string): EmailBody {
  return { subject: campaign.subject, html: campaign.html, text: campaign.text, unsubscribeUrl };
}
