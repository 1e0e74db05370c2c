// The body of both order pages, the shopper's and the admin's: items and totals, the
// address, payments and history. Each page words a payment and a history entry its own way.
import { For, type JSX } from 'solid-js';
import type { Api, ApiOutput } from '../api.ts';
import { AddressBlock } from './address-block.tsx';
import { LineList, TotalsList } from './order-lines.tsx';
import { panel } from './panel.ts';

export type OrderDetail = ApiOutput<Api['order']['get']>;
export type Payment = OrderDetail['payments'][number];
export type OrderEvent = OrderDetail['history'][number];

export function OrderDetails(props: {
  order: OrderDetail;
  shipHeading: string;
  /** Shown under the address. */
  contact?: JSX.Element;
  /** In the order to list them. */
  payments: Payment[];
  noPayments: string;
  payment: (payment: Payment) => JSX.Element;
  event: (event: OrderEvent) => JSX.Element;
}) {
  const o = () => props.order;
  return (
    <div class="grid gap-6 lg:grid-cols-[1fr_20rem] items-start">
      <section aria-labelledby="items-heading" class={panel}>
        <h2 id="items-heading" class="text-lg font-semibold mt-0 mb-3">
          Items
        </h2>
        <LineList lines={o().lines} currency={o().currency} label={`Items in order #${o().id}`} />
        <div class="border-t border-gray-200 pt-3 mt-1">
          <TotalsList totals={o()} couponCode={o().couponCode} />
        </div>
      </section>
      <div class="flex flex-col gap-6">
        <SidePanel id="ship" heading={props.shipHeading}>
          <AddressBlock address={o().shippingAddress} class="leading-relaxed" />
          {props.contact}
        </SidePanel>
        <SidePanel id="payments" heading="Payments">
          <ul class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
            <For each={props.payments} fallback={<li class="text-gray-600">{props.noPayments}</li>}>
              {props.payment}
            </For>
          </ul>
        </SidePanel>
        <SidePanel id="history" heading="History">
          <ol class="list-none m-0 p-0 flex flex-col gap-2 text-sm">
            <For each={o().history}>{props.event}</For>
          </ol>
        </SidePanel>
      </div>
    </div>
  );
}

function SidePanel(props: { id: string; heading: string; children: JSX.Element }) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class={panel}>
      <h2 id={`${props.id}-heading`} class="text-base font-semibold mt-0 mb-2">
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
