import { Show } from 'solid-js';
import type { ProductSummary } from '../../routers/product/queries.ts';
import { formatMoney } from '../format.ts';
import { AddToCart } from './add-to-cart.tsx';

export function StockBadge(props: { product: Pick<ProductSummary, 'stock' | 'stockStatus'>; class?: string }) {
  return (
    <Show when={props.product.stockStatus !== 'in_stock'}>
      <span
        class={`inline-block text-xs font-semibold px-2 py-0.5 rounded-full whitespace-nowrap ${
          props.product.stockStatus === 'out_of_stock' ? 'bg-gray-200 text-gray-700' : 'bg-accent-100 text-accent-800'
        } ${props.class ?? ''}`}
      >
        {props.product.stockStatus === 'out_of_stock' ? 'Sold out' : `Only ${props.product.stock} left`}
      </span>
    </Show>
  );
}

// Cards of one row are as tall as the tallest (grid stretch), and each is a column:
// picture, a name of at most two lines that always takes two lines' room, the price,
// then Add to cart pushed to the bottom. So prices and buttons line up across a row.
// `first`: the grid's first cards, in the first screen: their pictures load at once (the
// largest of them is the page's largest paint), the rest as they scroll into view.
function ProductCard(props: { product: ProductSummary; first: boolean; lead: boolean }) {
  const anchor = () => `product-${props.product.id}`;
  return (
    // The id brings a shopper back here after adding without JavaScript (focus starts from the card).
    <li
      id={anchor()}
      tabindex="-1"
      class="product-card group card scroll-mt-4 flex flex-col transition-shadow hover:shadow-md hover:border-gray-300"
    >
      <a href={`/product/${props.product.slug}`} class="flex flex-col no-underline text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-2">
        <div class="relative bg-gray-100 rounded-t-xl overflow-hidden">
          <img
            src={props.product.imageUrl}
            alt={props.product.name}
            width="400"
            height="400"
            loading={props.first ? 'eager' : 'lazy'}
            fetchpriority={props.lead ? 'high' : undefined}
            class="block w-full aspect-square object-cover transition-transform duration-300 group-hover:scale-[1.03]"
          />
          <StockBadge product={props.product} class="absolute top-2 left-2 shadow-sm" />
        </div>
        <div class="px-3 pt-3 sm:px-4 flex flex-col gap-1">
          <h3 class="product-name text-sm font-medium leading-5 line-clamp-2 min-h-10 m-0 group-hover:text-brand-700">{props.product.name}</h3>
          <span class="product-price text-base font-bold tabular-nums">{formatMoney(props.product.priceCents, props.product.currency)}</span>
        </div>
      </a>
      <div class="mt-auto px-3 pb-3 pt-3 sm:px-4 sm:pb-4">
        <Show when={props.product.stock > 0}>
          <AddToCart
            productId={props.product.id}
            productName={props.product.name}
            stock={props.product.stock}
            anchor={anchor()}
            class="[&_button[type=submit]]:w-full [&_button[type=submit]]:h-9 [&_button[type=submit]]:rounded-lg [&_button[type=submit]]:font-semibold"
          />
        </Show>
      </div>
    </li>
  );
}

/**
 * `eager`: how many first cards load their pictures at once (default: a first row on a
 * desktop, two on a phone); 0 for a grid below the fold, which must not compete with the
 * page's own picture.
 */
export function ProductGrid(props: { products: ProductSummary[]; label: string; eager?: number }) {
  const eager = () => props.eager ?? 4;
  return (
    <ul aria-label={props.label} class="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-4 gap-3 sm:gap-5 list-none p-0 m-0">
      {props.products.map((product, index) => (
        <ProductCard product={product} first={index < eager()} lead={index === 0 && eager() > 0} />
      ))}
    </ul>
  );
}
