// /orders/:id (signed-in only): one of the shopper's orders — status, lines, totals,
// address, payments and history. While it waits for payment: a live countdown to
// when it is cancelled, a "Pay now" card form and a "Cancel order" form, both plain
// forms without JavaScript. After a decline the page says why and offers to pay again.
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { DeclineCode } from '../../routers/payment/gateway.ts';
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { orNotFound, useApi, type ApiOutput } from '../api.ts';
import { ActionForm, Field, FieldNote, SelectField, SubmitButton, useField } from '../components/action-form.tsx';
import { COUNTRY_CODES } from '../../routers/shared/countries.ts';
import { countOf, formatMoney } from '../format.ts';
import { cancelOrder, payOrder } from '../forms/order-forms.ts';
import { known } from '../known.ts';
import { useQueryParams } from '../query-params.ts';
import { NotFoundPage } from './not-found.tsx';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const regionName = (code: string) => regionNames.of(code) ?? code;
export const COUNTRIES = COUNTRY_CODES.map((code) => ({ value: code, label: regionName(code) })).sort((a, b) => a.label.localeCompare(b.label, 'en'));

/** A random key (a UUID where the platform has one; insecure-context browsers lack randomUUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const inputClass = 'w-full border border-gray-300 rounded px-3 py-2 bg-white aria-[invalid=true]:border-red-600';

/** A card input: never shown again after a failed post (the number and CVV are not kept anywhere). */
function CardInput(props: { name: string; label: string; autocomplete: string; maxLength: number; placeholder?: string; class?: string }) {
  const field = useField(props.name);
  return (
    <div class={`mb-4 ${props.class ?? ''}`}>
      <label for={field.id} class="block text-sm font-medium mb-1">
        {props.label}
      </label>
      <input
        id={field.id}
        name={props.name}
        type="text"
        inputmode="numeric"
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value=""
        aria-invalid={field.invalid()}
        aria-describedby={field.describedBy()}
        class={`${inputClass} tabular-nums`}
      />
      <FieldNote id={field.id} error={field.error()} />
    </div>
  );
}

const MONTHS = [{ value: '', label: 'MM' }, ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: String(i + 1).padStart(2, '0') }))];
const thisYear = new Date().getUTCFullYear();
const YEARS = [{ value: '', label: 'YYYY' }, ...Array.from({ length: 15 }, (_, i) => ({ value: String(thisYear + i), label: String(thisYear + i) }))];

/** The card fields (checkout and "Pay now"), named as the procedures name them, with the test cards. */
export function CardFields() {
  return (
    <>
      <CardInput name="card.number" label="Card number" autocomplete="cc-number" maxLength={23} placeholder="1234 1234 1234 1234" />
      <div class="grid grid-cols-[1fr_1fr_minmax(5rem,0.8fr)] gap-x-3">
        <SelectField name="card.expMonth" label="Expiry month" options={MONTHS} />
        <SelectField name="card.expYear" label="Expiry year" options={YEARS} />
        <CardInput name="card.cvv" label="CVV" autocomplete="cc-csc" maxLength={4} placeholder="123" />
      </div>
      <Field name="card.name" label="Name on card (optional)" autocomplete="cc-name" />
      <div class="test-cards mb-4 p-3 rounded border border-dashed border-gray-300 bg-gray-50 text-xs text-gray-700">
        <p class="m-0 mb-1 font-semibold">Test mode — no real money moves.</p>
        <p class="m-0">
          <span class="whitespace-nowrap font-mono">4242 4242 4242 4242</span> pays;{' '}
          <span class="whitespace-nowrap font-mono">4000 0000 0000 0002</span> is declined. Use any future expiry and any 3-digit CVV.
        </p>
      </div>
    </>
  );
}

type Order = ApiOutput<ReturnType<typeof useApi>['order']['get']>;

export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

const STATUS_STYLES: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-100 text-amber-900 border-amber-300',
  paid: 'bg-green-100 text-green-900 border-green-300',
  shipped: 'bg-blue-100 text-blue-900 border-blue-300',
  completed: 'bg-gray-100 text-gray-900 border-gray-300',
  cancelled: 'bg-gray-100 text-gray-700 border-gray-300',
  refunded: 'bg-purple-100 text-purple-900 border-purple-300',
};

export function StatusBadge(props: { status: string }) {
  const status = () => props.status as OrderStatus;
  return (
    <span class={`order-status inline-block whitespace-nowrap text-xs font-semibold px-2 py-0.5 rounded-full border ${STATUS_STYLES[status()] ?? STATUS_STYLES.completed}`}>
      {known(STATUS_LABELS, props.status) ?? props.status}
    </span>
  );
}

/** Copied from the gateway (the browser may not import its code): what each decline means for the shopper. */
export const DECLINE_MESSAGES: Readonly<Record<DeclineCode, string>> = {
  card_declined: 'Your card was declined. Please use another card.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'We could not process your card. Please try again.',
};

const declineMessage = (code?: string | null) => known(DECLINE_MESSAGES, code ?? undefined) ?? 'Your card was declined. Please use another card.';

// One time zone on the server and in the browser, so the page hydrates with the text it was rendered with.
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const formatTime = (ms: number) => `${dateTime.format(ms)} UTC`;
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
export const formatDate = (ms: number) => dateOnly.format(ms);

/** "14:59": minutes and seconds. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A line with a label and an amount, for totals. */
function Amount(props: { label: JSX.Element; cents: number; currency: string; negative?: boolean; free?: boolean; strong?: boolean; class?: string }) {
  return (
    <div class={`flex justify-between gap-3 ${props.strong ? 'text-base font-bold border-t border-gray-200 pt-2 mt-1' : 'text-sm'} ${props.class ?? ''}`}>
      <dt>{props.label}</dt>
      <dd class="m-0 whitespace-nowrap tabular-nums">
        {props.free && props.cents === 0 ? 'Free' : `${props.negative ? '−' : ''}${formatMoney(props.cents, props.currency)}`}
      </dd>
    </div>
  );
}

export interface Totals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
}

/** Subtotal, discount, shipping, tax and total, as one description list. */
export function TotalsList(props: { totals: Totals; couponCode?: string | null; lineCount: number }) {
  const t = () => props.totals;
  return (
    <dl class="order-totals m-0 flex flex-col gap-1.5">
      <Amount label={`Subtotal (${countOf(props.lineCount, 'item')})`} cents={t().subtotalCents} currency={t().currency} />
      <Show when={t().discountCents > 0}>
        <Amount
          label={<>Discount{props.couponCode ? <> ({props.couponCode})</> : null}</>}
          cents={t().discountCents}
          currency={t().currency}
          negative
          class="text-green-800"
        />
      </Show>
      <Amount label="Shipping" cents={t().shippingCents} currency={t().currency} free />
      <Amount label="Tax" cents={t().taxCents} currency={t().currency} />
      <Amount label="Total" cents={t().totalCents} currency={t().currency} strong />
    </dl>
  );
}

export interface Line {
  productId: number;
  slug: string;
  name: string;
  imageUrl: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export function LineList(props: { lines: Line[]; currency: string; label: string }) {
  return (
    <ul aria-label={props.label} class="list-none m-0 p-0 flex flex-col divide-y divide-gray-200">
      <For each={props.lines}>
        {(line) => (
          <li class="order-line flex gap-3 py-3 first:pt-0">
            <img src={line.imageUrl} alt="" width="56" height="56" class="w-14 h-14 rounded object-cover bg-gray-100 shrink-0" />
            <div class="flex-1 min-w-0">
              <a href={`/product/${line.slug}`} class="font-medium text-gray-900 break-words">
                {line.name}
              </a>
              <p class="text-sm text-gray-600 m-0">
                {line.quantity} × {formatMoney(line.unitPriceCents, props.currency)}
              </p>
            </div>
            <span class="font-semibold whitespace-nowrap tabular-nums">{formatMoney(line.lineTotalCents, props.currency)}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

export interface ShippingAddress {
  firstName: string;
  lastName: string;
  street: string;
  city: string;
  state?: string | null;
  zip: string;
  country: string;
}

/** Countries that write "City, ST 12345"; most others put the postal code first ("10115 Berlin"). */
const CITY_FIRST = new Set(['US', 'CA', 'AU']);

export function AddressBlock(props: { address: ShippingAddress }) {
  const a = () => props.address;
  const city = () => (a().state ? `${a().city}, ${a().state}` : a().city);
  return (
    <address class="not-italic text-sm leading-relaxed">
      {a().firstName} {a().lastName}
      <br />
      {a().street}
      <br />
      {CITY_FIRST.has(a().country) ? `${city()} ${a().zip}` : `${a().zip} ${city()}`}
      <br />
      {regionName(a().country)}
    </address>
  );
}

export const panel = 'bg-white rounded-lg border border-gray-200 p-4 sm:p-5';

/** The time the server rendered the page, kept through hydration so the countdown starts where the HTML left it. */
function useNow() {
  const [rendered] = createResource(async () => Date.now());
  const [now, setNow] = createSignal<number | undefined>();
  onMount(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    onCleanup(() => clearInterval(timer));
  });
  return () => now() ?? rendered() ?? Date.now();
}

/** Copied from the gateway's card module (the browser may not import its code). */
const BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };
export const brandOf = (brand?: string | null) => known(BRANDS, brand ?? undefined) ?? 'Card';

const PAYMENT_STATUS: Record<string, string> = { succeeded: 'Paid', declined: 'Declined', pending: 'Processing' };

export function OrderPage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const query = useQueryParams<{ placed?: string; payment?: string; code?: string; cancelled?: string }>();
  const [order, { refetch }] = createResource(
    () => params.id,
    (id) => orNotFound(api.order.get({ orderId: wholeNumber(id) })),
  );
  return (
    <Show when={order() !== undefined}>
      <Show when={order()} fallback={<NotFoundPage message="We could not find that order." />}>
        {(o) => <OrderView order={o()} query={query} onExpired={() => void refetch()} />}
      </Show>
    </Show>
  );
}

function OrderView(props: {
  order: Order;
  query: { placed?: string; payment?: string; code?: string; cancelled?: string };
  onExpired: () => void;
}) {
  const o = () => props.order;
  const now = useNow();
  const pending = () => o().status === 'pending_payment';
  // Never more than the whole window, whatever the browser's clock says.
  const remaining = () => Math.min(Math.max(0, o().expiresAt - now()), Math.max(0, o().expiresAt - o().createdAt));
  const expired = () => pending() && remaining() <= 0;
  const payments = () => [...o().payments].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const lastPayment = () => payments()[0];
  const lastDecline = () => (lastPayment()?.status === 'declined' ? lastPayment() : undefined);
  const justDeclined = () => props.query.payment === 'declined' || (props.query.placed === '1' && !!lastDecline());
  const address = () => o().shippingAddress as unknown as ShippingAddress;

  return (
    <article aria-labelledby="order-heading" class="max-w-5xl mx-auto">
      <Title>{`Order #${o().id} — GoMall`}</Title>
      <p class="text-sm m-0 mb-2">
        <a href="/orders" class="underline text-gray-700">
          ← Your orders
        </a>
      </p>
      <div class="flex flex-wrap items-center gap-x-3 gap-y-1 mb-1">
        <h1 id="order-heading" class="text-2xl font-bold m-0">
          Order #{o().id}
        </h1>
        <StatusBadge status={o().status} />
      </div>
      <p class="text-sm text-gray-600 mt-0 mb-4">Placed {formatTime(o().createdAt)}</p>

      <Banner order={o()} query={props.query} declined={justDeclined()} declineCode={lastDecline()?.declineCode ?? props.query.code} />

      <Show when={pending()}>
        <section aria-labelledby="pay-heading" class="mb-6 bg-white rounded-lg border-2 border-amber-300 p-4 sm:p-5">
          <h2 id="pay-heading" class="text-lg font-semibold mt-0 mb-1">
            Pay for your order
          </h2>
          <Show
            when={!expired()}
            fallback={
              <p class="m-0 text-amber-900">
                The time to pay has run out, so this order is being cancelled.{' '}
                <button type="button" class="underline bg-transparent border-0 p-0 cursor-pointer text-amber-900" onClick={props.onExpired}>
                  Refresh
                </button>
              </p>
            }
          >
            <p class="countdown mt-0 mb-4 text-amber-900" role="timer" aria-live="off">
              Pay within <strong class="tabular-nums">{clock(remaining())}</strong> or this order is cancelled automatically.
            </p>
            <Show when={!justDeclined() && lastDecline()}>
              {(payment) => (
                <p class="mt-0 mb-4 text-sm text-gray-700">
                  The last attempt{payment().last4 ? ` (card ending ${payment().last4})` : ''} was declined: {declineMessage(payment().declineCode)}
                </p>
              )}
            </Show>
            <div class="grid gap-6 md:grid-cols-[1fr_auto] items-start">
              <ActionForm action={payOrder} aria-label="Pay now" class="max-w-md">
                <input type="hidden" name="orderId" value={o().id} />
                <IdempotencyKey />
                <CardFields />
                <SubmitButton label={`Pay ${formatMoney(o().totalCents, o().currency)} now`} busyLabel="Paying…" />
              </ActionForm>
              <ActionForm
                action={cancelOrder}
                aria-label="Cancel order"
                confirm={`Cancel order #${o().id}? The items go back on sale.`}
                class="md:border-l md:border-gray-200 md:pl-6"
              >
                <input type="hidden" name="orderId" value={o().id} />
                <p class="text-sm text-gray-600 mt-0 mb-2">Changed your mind?</p>
                <button type="submit" class="px-4 py-2 rounded border border-red-300 text-red-800 bg-white hover:bg-red-50 text-sm font-medium">
                  Cancel order
                </button>
              </ActionForm>
            </div>
          </Show>
        </section>
      </Show>

      <div class="grid gap-6 lg:grid-cols-[1fr_20rem] items-start">
        <section aria-labelledby="items-heading" class={panel}>
          <h2 id="items-heading" class="text-lg font-semibold mt-0 mb-3">
            Items
          </h2>
          <LineList lines={o().lines} currency={o().currency} label={`Items in order #${o().id}`} />
          <div class="border-t border-gray-200 pt-3 mt-1">
            <TotalsList totals={o()} couponCode={o().couponCode} lineCount={o().lines.reduce((n, l) => n + l.quantity, 0)} />
          </div>
        </section>
        <div class="flex flex-col gap-6">
          <section aria-labelledby="ship-heading" class={panel}>
            <h2 id="ship-heading" class="text-base font-semibold mt-0 mb-2">
              Shipping to
            </h2>
            <AddressBlock address={address()} />
            <p class="text-sm text-gray-600 mt-2 mb-0 break-words">Updates go to {o().email}</p>
          </section>
          <section aria-labelledby="payments-heading" class={panel}>
            <h2 id="payments-heading" class="text-base font-semibold mt-0 mb-2">
              Payments
            </h2>
            <ul class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
              <For each={payments()} fallback={<li class="text-gray-600">No payment yet.</li>}>
                {(p) => (
                  <li class="payment flex flex-wrap justify-between gap-x-2">
                    <span>
                      {brandOf(p.brand)} {p.last4 ? `•••• ${p.last4}` : ''}
                    </span>
                    <span class={p.status === 'succeeded' ? 'text-green-800 font-medium' : p.status === 'declined' ? 'text-red-800 font-medium' : ''}>
                      {known(PAYMENT_STATUS, p.status) ?? p.status} {formatMoney(p.amountCents, o().currency)}
                    </span>
                    <span class="w-full text-xs text-gray-600">
                      {formatTime(p.createdAt)}
                      {p.status === 'declined' && p.declineCode ? ` — ${declineMessage(p.declineCode)}` : ''}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </section>
          <section aria-labelledby="history-heading" class={panel}>
            <h2 id="history-heading" class="text-base font-semibold mt-0 mb-2">
              History
            </h2>
            <ol class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
              <For each={o().history}>
                {(event) => (
                  <li>
                    <span class="font-medium">{known(STATUS_LABELS, event.toStatus) ?? event.toStatus}</span>
                    <Show when={event.reason}>
                      <span class="text-gray-700"> — {event.reason}</span>
                    </Show>
                    <br />
                    <span class="text-xs text-gray-600">{formatTime(event.at)}</span>
                  </li>
                )}
              </For>
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}

function Banner(props: { order: Order; query: { placed?: string; payment?: string; cancelled?: string }; declined: boolean; declineCode?: string | null }) {
  const o = () => props.order;
  const box = (tone: 'good' | 'bad' | 'info') =>
    `order-banner mb-6 p-4 rounded-lg border ${tone === 'good' ? 'border-green-300 bg-green-50 text-green-900' : tone === 'bad' ? 'border-red-300 bg-red-50 text-red-900' : 'border-blue-300 bg-blue-50 text-blue-900'}`;
  const paid = () => o().status !== 'pending_payment' && o().status !== 'cancelled';
  const announce = () => props.query.placed === '1' || !!props.query.payment || props.query.cancelled === '1';
  return (
    <Show when={announce()}>
      <Show
        when={!(props.query.cancelled === '1' || o().status === 'cancelled')}
        fallback={
          <div role="status" tabindex="-1" class={box('info')}>
            <p class="m-0 font-semibold">Order #{o().id} is cancelled.</p>
            <p class="m-0 text-sm">Nothing was charged, and the items are back on sale.</p>
          </div>
        }
      >
        <Show
          when={!paid()}
          fallback={
            <div role="status" tabindex="-1" class={box('good')}>
              <p class="m-0 font-semibold text-lg">Thank you — order #{o().id} is paid.</p>
              <p class="m-0 text-sm">We'll email {o().email} when it ships.</p>
            </div>
          }
        >
          <Show
            when={props.declined}
            fallback={
              <div role="status" tabindex="-1" class={box('info')}>
                <p class="m-0 font-semibold">Order #{o().id} is placed and waiting for payment.</p>
                <p class="m-0 text-sm">Pay below to complete it.</p>
              </div>
            }
          >
            <div role="alert" tabindex="-1" class={box('bad')}>
              <p class="m-0 font-semibold">The payment was declined: {declineMessage(props.declineCode)}</p>
              <p class="m-0 text-sm">
                Your order #{o().id} is saved. Pay again below with another card before the time runs out.
              </p>
            </div>
          </Show>
        </Show>
      </Show>
    </Show>
  );
}

/** A hidden idempotency key made once per page render (kept through hydration): a double submit pays once. */
export function IdempotencyKey() {
  const [key] = createResource(async () => newIdempotencyKey());
  return <input type="hidden" name="idempotencyKey" value={key() ?? ''} />;
}
