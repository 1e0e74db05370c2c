// /shipping: rates (the same flat rate and free-shipping threshold checkout charges), timing, tracking.
import { formatMoney } from '../../format.ts';
import { ContentPage } from './content-page.tsx';

export function ShippingPage() {
  return (
    <ContentPage
      eyebrow="Help"
      title="Shipping"
      lead="One simple flat rate, free shipping on larger orders, and most orders out of our door within one business day."
      description="GoMall shipping rates and delivery times: one flat rate per order, free shipping on larger orders, dispatch within one business day."
      path="/shipping"
    >
      {(shop) => (
        <>
          <h2>Rates</h2>
          <div class="my-4 overflow-hidden rounded-lg border border-gray-200">
            <table class="w-full text-sm text-left">
              <caption class="sr-only">Shipping cost by order value</caption>
              <thead class="bg-gray-50 text-gray-900">
                <tr>
                  <th scope="col" class="px-4 py-3 font-semibold">
                    Goods in your order
                  </th>
                  <th scope="col" class="px-4 py-3 font-semibold">
                    Shipping
                  </th>
                </tr>
              </thead>
              <tbody class="divide-y divide-gray-200">
                <tr>
                  <td class="px-4 py-3">Under {formatMoney(shop.freeShippingFromCents)}</td>
                  <td class="px-4 py-3 font-semibold text-gray-900">{formatMoney(shop.shippingFlatCents)} flat</td>
                </tr>
                <tr>
                  <td class="px-4 py-3">{formatMoney(shop.freeShippingFromCents)} or more</td>
                  <td class="px-4 py-3 font-semibold text-brand-700">Free</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p>
            The rate is per order, not per item: add as much as you like and it stays the same. The threshold counts the goods
            after any coupon, before tax. Your cart and the checkout show exactly what you will pay before you place the order.
          </p>

          <h2>When your order ships</h2>
          <p>
            We pack orders on business days. Orders paid by 2 pm Pacific time usually leave our warehouse the same day, everything
            else the next business day. Delivery then takes:
          </p>
          <ul>
            <li>
              <strong>United States:</strong> 3–5 business days
            </li>
            <li>
              <strong>Canada and Mexico:</strong> 5–8 business days
            </li>
            <li>
              <strong>Everywhere else we ship:</strong> 7–14 business days. Import duties, where they apply, are collected by the
              carrier on delivery.
            </li>
          </ul>

          <h2>Following your parcel</h2>
          <p>
            When your order ships we email you, and its status moves to “Shipped” on your <a href="/orders">orders page</a>. If a
            parcel has not arrived ten business days after it shipped, <a href="/contact">get in touch</a> and we will trace it or
            send a replacement.
          </p>

          <h2>Paying for your order</h2>
          <p>
            We reserve your items as soon as you place the order. An order that is not paid within a few minutes is cancelled
            automatically and the items go back on the shelf, so please have your card ready at checkout.
          </p>
        </>
      )}
    </ContentPage>
  );
}
