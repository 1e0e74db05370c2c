// schema.org structured data of a product page: the Product with its Offer, and its BreadcrumbList.
import type { ApiOutput, Api } from '../api.ts';
import type { Crumb } from '../components/breadcrumbs.tsx';

type Product = ApiOutput<Api['product']['get']>;

const AVAILABILITY = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
} as const;

/** Minor units as a decimal string ("1899" → "18.99"), by digits: no float rounding. */
export function decimalAmount(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, '0')}`;
}

export function productJsonLd(p: Product, absoluteUrl: (path: string) => string) {
  const url = absoluteUrl(`/product/${p.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    image: p.images.map((image) => absoluteUrl(image.url)),
    sku: p.slug,
    productID: String(p.id),
    ...(p.categories[0] ? { category: p.categories[0].name } : {}),
    url,
    offers: {
      '@type': 'Offer',
      price: decimalAmount(p.priceCents),
      priceCurrency: p.currency,
      availability: AVAILABILITY[p.stockStatus],
      url,
    },
  };
}

export function breadcrumbJsonLd(crumbs: Crumb[], absoluteUrl: (path: string) => string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absoluteUrl(crumb.path) })),
  };
}
