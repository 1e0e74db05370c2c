import { Show } from 'solid-js';
import type { ProductSummary } from '../../routers/product/queries.ts';
import { formatMoney } from '../format.ts';
import { AddToCart } from './add-to-cart.tsx';

export function StockBadge(props: { product: Pick<ProductSummary, 'stock' | 'stockStatus'> }) {
  return (
    <Show when={props.product.stockStatus !== 'in_stock'}>
      <span
        class={`text-xs font-semibold px-2 py-0.5 rounded ${
          props.product.stockStatus === 'out_of_stock' ? 'bg-gray-200 text-gray-700' : 'bg-amber-100 text-amber-900'
        }`}
      >
        {props.product.stockStatus === 'out_of_stock' ? 'Sold out' : `Only ${props.product.stock} left`}
      </span>
    </Show>
  );
}

function ProductCard(props: { product: ProductSummary }) {
  const anchor = () => `product-${props.product.id}`;
  return (
    // The id brings a shopper back here after adding without JavaScript (focus starts from the card).
    <li id={anchor()} tabindex="-1" class="product-card scroll-mt-4 flex flex-col bg-white rounded-lg border border-gray-200 overflow-hidden hover:shadow-md transition-shadow">
      <a href={`/product/${props.product.slug}`} class="flex flex-col flex-1 focus-visible:outline-2 focus-visible:outline-offset-2">
        <img
          src={props.product.imageUrl}
          alt={props.product.name}
          width="400"
          height="400"
          loading="lazy"
          class="w-full aspect-square object-cover bg-gray-100"
        />
        <div class="p-3 flex flex-col gap-1 flex-1">
          <h3 class="text-sm font-medium text-gray-900 leading-snug">{props.product.name}</h3>
          <div class="mt-auto flex items-center justify-between gap-2 flex-wrap">
            <span class="font-semibold text-gray-900">{formatMoney(props.product.priceCents, props.product.currency)}</span>
            <StockBadge product={props.product} />
          </div>
        </div>
      </a>
      <Show when={props.product.stock > 0}>
        <AddToCart productId={props.product.id} productName={props.product.name} stock={props.product.stock} anchor={anchor()} class="px-3 pb-3" />
      </Show>
    </li>
  );
}

export function ProductGrid(props: { products: ProductSummary[]; label: string }) {
  return (
    <ul aria-label={props.label} class="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-4 gap-3 sm:gap-4 list-none p-0 m-0">
      {props.products.map((product) => (
        <ProductCard product={product} />
      ))}
    </ul>
  );
}
