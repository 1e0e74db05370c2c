// What is ordered and what it costs, for checkout's summary and the order pages.
import { For, Show, type JSX } from 'solid-js';
import type { CheckoutLine, CheckoutPreview } from '../../routers/checkout/preview.ts';
import { countOf, formatMoney } from '../format.ts';

export function LineList(props: { lines: CheckoutLine[]; currency: string; label: string }) {
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

/** A checkout preview or a placed order: its lines and amounts. */
type Priced = Pick<CheckoutPreview, 'lines' | 'subtotalCents' | 'discountCents' | 'shippingCents' | 'taxCents' | 'totalCents' | 'currency'>;

/** Subtotal, discount, shipping, tax and total, as one description list. */
export function TotalsList(props: { totals: Priced; couponCode?: string | null }) {
  const t = () => props.totals;
  const units = () => t().lines.reduce((n, line) => n + line.quantity, 0);
  return (
    <dl class="order-totals m-0 flex flex-col gap-1.5">
      <Amount label={`Subtotal (${countOf(units(), 'item')})`} cents={t().subtotalCents} currency={t().currency} />
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
