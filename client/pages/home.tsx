// The front page: a short hero (kept compact, so a phone shows products in its first
// screen), the featured products, the categories, and why it is safe to shop here.
import { createResource, For, Show } from 'solid-js';
import { useApi } from '../api.ts';
import { PageMeta } from '../components/page-meta.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { countOf, formatMoney } from '../format.ts';
import { RETURN_DAYS } from '../../routers/shared/returns-policy.ts';

/** A picture for each seeded category (Phosphor duotone icons, drawn by CSS); others get a tag. */
const CATEGORY_ICONS: Record<string, string> = {
  apparel: 'i-ph-t-shirt-duotone',
  footwear: 'i-ph-sneaker-duotone',
  'home-kitchen': 'i-ph-cooking-pot-duotone',
  'coffee-tea': 'i-ph-coffee-duotone',
  electronics: 'i-ph-headphones-duotone',
  books: 'i-ph-book-open-duotone',
  outdoor: 'i-ph-tent-duotone',
  'toys-games': 'i-ph-puzzle-piece-duotone',
  beauty: 'i-ph-sparkle-duotone',
  pantry: 'i-ph-basket-duotone',
};

export function HomePage() {
  const api = useApi();
  const [categories] = createResource(() => api.product.categories());
  const [featured] = createResource(() => api.product.list({ sort: 'featured', pageSize: 12 }));
  const [shop] = createResource(() => api.shop.info());
  const freeFrom = () => (shop() ? formatMoney(shop()!.freeShippingFromCents) : undefined);
  return (
    <>
      <PageMeta title="GoMall — shop everyday essentials" description="Browse apparel, coffee, electronics, books and more at GoMall." path="/" />
      <section
        aria-labelledby="hero-heading"
        class="relative overflow-hidden rounded-2xl bg-brand-900 bg-gradient-to-br from-brand-800 to-brand-950 text-white mb-6 sm:mb-10 px-5 py-5 sm:px-10 sm:py-12 lg:py-14"
      >
        <HeroArt />
        <div class="relative max-w-xl">
          <p class="hidden sm:block m-0 mb-2 text-xs font-semibold uppercase tracking-widest text-brand-200">New season, same fair prices</p>
          <h1 id="hero-heading" class="m-0 text-2xl sm:text-4xl lg:text-5xl font-extrabold tracking-tight leading-tight">
            Everyday essentials, <span class="text-accent-300">chosen with care</span>
          </h1>
          <p class="m-0 mt-2 sm:mt-4 text-sm sm:text-lg text-brand-100 leading-relaxed">
            Clothing, coffee, kitchen, tech and books we would buy ourselves
            <Show when={freeFrom()}>{(amount) => <>, with free shipping over {amount()}</>}</Show> and {RETURN_DAYS}-day returns.
          </p>
          <div class="mt-4 sm:mt-7 flex flex-wrap gap-3">
            <a href="#featured-heading" class="btn bg-white text-brand-900 hover:bg-brand-50 focus-visible:outline-white">
              Shop featured
              <span aria-hidden="true" class="i-ph-arrow-right-bold" />
            </a>
            <a
              href="#categories-heading"
              class="hidden sm:inline-flex btn border border-brand-300/60 text-white hover:bg-white/10 focus-visible:outline-white"
            >
              Browse categories
            </a>
          </div>
        </div>
      </section>

      <section aria-labelledby="featured-heading" class="mb-12">
        <h2 id="featured-heading" class="m-0 mb-4 text-xl sm:text-2xl font-bold tracking-tight scroll-mt-4">
          Featured products
        </h2>
        <Show when={featured()}>{(page) => <ProductGrid products={page().items} label="Featured products" />}</Show>
      </section>

      <section aria-labelledby="categories-heading" class="mb-12">
        <h2 id="categories-heading" class="m-0 mb-4 text-xl sm:text-2xl font-bold tracking-tight scroll-mt-4">
          Shop by category
        </h2>
        <ul class="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-5 gap-3 list-none p-0 m-0">
          <For each={categories()}>
            {(category) => (
              <li>
                <a
                  href={`/category/${category.slug}`}
                  class="group card h-full p-4 flex items-center gap-3 no-underline text-gray-900 transition-colors hover:border-brand-600 hover:bg-brand-50"
                >
                  <span class="shrink-0 w-11 h-11 rounded-lg bg-brand-50 group-hover:bg-white flex items-center justify-center">
                    <span aria-hidden="true" class={`${CATEGORY_ICONS[category.slug] ?? 'i-ph-tag-duotone'} text-2xl text-brand-700`} />
                  </span>
                  <span class="min-w-0">
                    <span class="block font-semibold leading-snug">{category.name}</span>
                    <span class="block text-xs text-gray-600">{countOf(category.productCount, 'product')}</span>
                  </span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>

      <section aria-labelledby="promise-heading" class="card p-6 sm:p-8">
        <h2 id="promise-heading" class="m-0 mb-5 text-xl font-bold tracking-tight">
          Shop with confidence
        </h2>
        <ul class="grid gap-6 sm:grid-cols-3 list-none m-0 p-0">
          <Assurance icon="i-ph-truck-duotone" title={freeFrom() ? `Free shipping over ${freeFrom()}` : 'Fast shipping'} href="/shipping" link="Shipping rates">
            One flat rate below that, wherever we ship. Most orders ship within one business day.
          </Assurance>
          <Assurance icon="i-ph-arrow-counter-clockwise-duotone" title={`${RETURN_DAYS}-day returns`} href="/returns" link="How returns work">
            {`Changed your mind? Send it back within ${RETURN_DAYS} days of delivery for a full refund.`}
          </Assurance>
          <Assurance icon="i-ph-lock-simple-duotone" title="Secure checkout" href="/contact" link="Questions? Contact us">
            Your card goes over an encrypted connection, and we keep only its last four digits.
          </Assurance>
        </ul>
      </section>
    </>
  );
}

function Assurance(props: { icon: string; title: string; href: string; link: string; children: string }) {
  return (
    <li class="flex gap-4">
      <span class="shrink-0 w-11 h-11 rounded-full bg-brand-50 flex items-center justify-center">
        <span aria-hidden="true" class={`${props.icon} text-2xl text-brand-700`} />
      </span>
      <div>
        <h3 class="m-0 font-semibold">{props.title}</h3>
        <p class="m-0 mt-1 text-sm text-gray-600 leading-relaxed">{props.children}</p>
        <a href={props.href} class="inline-block mt-2 text-sm font-semibold text-brand-700 hover:text-brand-900">
          {props.link}
        </a>
      </div>
    </li>
  );
}

/** Decorative shapes behind the hero's text: soft light, a few rings and dots, no picture to download. */
function HeroArt() {
  return (
    <svg
      aria-hidden="true"
      class="hidden md:block absolute inset-0 w-full h-full pointer-events-none"
      viewBox="0 0 1200 400"
      preserveAspectRatio="xMaxYMid slice"
      fill="none"
    >
      <defs>
        <radialGradient id="hero-glow" cx="0.5" cy="0.5" r="0.5">
          <stop offset="0" stop-color="#2dd4bf" stop-opacity="0.55" />
          <stop offset="1" stop-color="#2dd4bf" stop-opacity="0" />
        </radialGradient>
        <radialGradient id="hero-warm" cx="0.5" cy="0.5" r="0.5">
          <stop offset="0" stop-color="#fb923c" stop-opacity="0.45" />
          <stop offset="1" stop-color="#fb923c" stop-opacity="0" />
        </radialGradient>
      </defs>
      <circle cx="1020" cy="120" r="340" fill="url(#hero-glow)" />
      <circle cx="820" cy="420" r="260" fill="url(#hero-warm)" />
      <g stroke="#99f6e4" stroke-opacity="0.28" stroke-width="2">
        <circle cx="1010" cy="200" r="120" />
        <circle cx="1010" cy="200" r="180" />
        <circle cx="1010" cy="200" r="240" />
      </g>
      {/* A shopping bag, the brand's mark, drawn large and faint. */}
      <g transform="translate(930 110) rotate(-8)" stroke="#ccfbf1" stroke-opacity="0.85" stroke-width="8" stroke-linecap="round" stroke-linejoin="round">
        <path d="M52 62V44a28 28 0 0 1 56 0v18" />
        <path d="M20 62h120l-9 104a12 12 0 0 1-12 11H41a12 12 0 0 1-12-11z" fill="#0f766e" fill-opacity="0.55" />
        <path d="M58 104a22 22 0 0 0 44 0" />
      </g>
      <circle cx="1120" cy="80" r="14" fill="#fb923c" />
      <circle cx="860" cy="90" r="6" fill="#5eead4" />
      <circle cx="900" cy="320" r="9" fill="#fdba74" />
    </svg>
  );
}
