// The storefront's footer: the shop in a sentence and its address, link columns
// (Shop: the categories; Help; Company), what makes paying here safe, the copyright.
import { createResource, For, Show } from 'solid-js';
import { useApi, type Api, type ApiOutput } from '../api.ts';
import { BRAND_MARK_SVG } from '../brand-mark.ts';
import { formatMoney } from '../format.ts';
import { Guarded } from './guarded.tsx';
import { RETURN_DAYS } from '../../routers/shared/returns-policy.ts';

type Categories = ApiOutput<Api['product']['categories']>;

const HELP = [
  { href: '/shipping', label: 'Shipping' },
  { href: '/returns', label: 'Returns' },
  { href: '/contact', label: 'Contact us' },
  { href: '/orders', label: 'Your orders' },
];
const COMPANY = [
  { href: '/about', label: 'About GoMall' },
  { href: '/sign-up', label: 'Create an account' },
];
/** Accepted cards, as the wordmarks' colours on small white tiles. */
const CARDS = [
  { name: 'Visa', class: 'text-[#1a1f71] italic font-extrabold' },
  { name: 'Mastercard', class: 'text-[#d50018] font-bold' },
  { name: 'Amex', class: 'text-[#006fcf] font-extrabold uppercase' },
  { name: 'Discover', class: 'text-accent-700 font-bold' },
];

const LINK = 'text-gray-300 no-underline hover:text-white hover:underline';

function Column(props: { title: string; links: { href: string; label: string }[]; wide?: boolean }) {
  return (
    <div class={props.wide ? 'col-span-2 lg:col-span-1' : ''}>
      <h2 class="text-sm font-semibold text-white mb-3">{props.title}</h2>
      <ul class={`list-none m-0 p-0 text-sm ${props.wide ? 'columns-2 gap-x-6' : ''} [&>li]:mb-2 [&>li]:break-inside-avoid`}>
        <For each={props.links}>
          {(link) => (
            <li>
              <a href={link.href} class={LINK}>
                {link.label}
              </a>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

export function Footer(props: { categories: () => Categories | undefined }) {
  const api = useApi();
  const [shop] = createResource(() => api.shop.info());
  const categoryLinks = () => (props.categories() ?? []).map((c) => ({ href: `/category/${c.slug}`, label: c.name }));
  return (
    <footer class="bg-gray-900 text-gray-300 mt-12">
      <div class="max-w-6xl mx-auto px-4 pt-12 pb-8">
        <Guarded quiet>
          <div class="grid grid-cols-2 gap-x-6 gap-y-10 lg:grid-cols-[1.3fr_1.7fr_1fr_1fr]">
            <div class="col-span-2 lg:col-span-1 max-w-xs">
              <p class="m-0 inline-flex items-center gap-2 text-xl font-extrabold tracking-tight text-white">
                <span aria-hidden="true" class="block w-8 h-8 [&>svg]:block [&>svg]:w-full [&>svg]:h-full" innerHTML={BRAND_MARK_SVG} />
                GoMall
              </p>
              <p class="mt-3 text-sm leading-relaxed text-gray-300">
                Everyday essentials, chosen with care, fairly priced and shipped fast.
              </p>
              <Show when={shop()}>
                {(info) => (
                  <address class="mt-4 not-italic text-sm leading-relaxed text-gray-400">
                    {info().address}
                    <br />
                    <a href={`mailto:${info().email}`} class={LINK}>
                      {info().email}
                    </a>
                  </address>
                )}
              </Show>
            </div>
            <nav aria-label="Footer" class="contents">
              <Column title="Shop" links={categoryLinks()} wide />
              <Column title="Help" links={HELP} />
              <Column title="Company" links={COMPANY} />
            </nav>
          </div>
          <div class="mt-10 pt-6 border-t border-gray-700 flex flex-col gap-4 md:flex-row md:items-center md:justify-between text-sm">
            <ul class="list-none m-0 p-0 flex flex-wrap gap-x-6 gap-y-2 text-gray-300">
              <li class="inline-flex items-center gap-2">
                <span aria-hidden="true" class="i-ph-lock-simple-duotone text-lg text-brand-300" />
                Secure checkout
              </li>
              <Show when={shop()}>
                {(info) => (
                  <li class="inline-flex items-center gap-2">
                    <span aria-hidden="true" class="i-ph-truck-duotone text-lg text-brand-300" />
                    Free shipping over {formatMoney(info().freeShippingFromCents)}
                  </li>
                )}
              </Show>
              <li class="inline-flex items-center gap-2">
                <span aria-hidden="true" class="i-ph-arrow-counter-clockwise-duotone text-lg text-brand-300" />
                {RETURN_DAYS}-day returns
              </li>
            </ul>
            <ul aria-label="Cards we accept" class="list-none m-0 p-0 flex flex-wrap gap-1.5">
              <For each={CARDS}>
                {(card) => (
                  <li class={`h-7 min-w-12 px-2 rounded bg-white inline-flex items-center justify-center text-xs leading-none ${card.class}`}>
                    {card.name}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Guarded>
        <p class="mt-6 text-xs text-gray-400">
          © {new Date().getUTCFullYear()} GoMall. Prices in US dollars; sales tax is added at checkout.
        </p>
      </div>
    </footer>
  );
}
