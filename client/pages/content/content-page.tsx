// The frame of the shop's own pages (about, shipping, returns, contact): a heading
// and lead, the text, and a side panel linking the other help pages. The page's text
// gets the shop's facts (address, shipping rates) from shop.info, read once here.
import { createResource, For, Show, type JSX } from 'solid-js';
import { useLocation } from '@solidjs/router';
import type { ShopInfo } from '../../../routers/shop/router.ts';
import { useApi } from '../../api.ts';
import { PageMeta } from '../../components/page-meta.tsx';

const PAGES = [
  { href: '/shipping', label: 'Shipping', icon: 'i-ph-truck-duotone' },
  { href: '/returns', label: 'Returns', icon: 'i-ph-arrow-counter-clockwise-duotone' },
  { href: '/contact', label: 'Contact us', icon: 'i-ph-chat-circle-text-duotone' },
  { href: '/about', label: 'About GoMall', icon: 'i-ph-storefront-duotone' },
];

/** Text styles for the article: headings, paragraphs, lists, tables and links. */
const PROSE =
  'text-gray-700 leading-relaxed [&_h2]:text-xl [&_h2]:font-bold [&_h2]:text-gray-900 [&_h2]:tracking-tight [&_h2]:mt-10 [&_h2]:mb-3 ' +
  '[&_h2:first-child]:mt-0 [&_p]:my-3 [&_ul]:my-3 [&_ul]:pl-5 [&_ul]:list-disc [&_li]:my-1.5 [&_strong]:text-gray-900 ' +
  '[&_a]:text-brand-700 [&_a]:font-medium [&_a]:underline [&_a:hover]:text-brand-900';

export function ContentPage(props: {
  /** The document title, before " — GoMall". */
  title: string;
  /** The page's h1, when not the title. */
  heading?: string;
  eyebrow: string;
  lead: string;
  description: string;
  path: string;
  children: (shop: ShopInfo) => JSX.Element;
}) {
  const api = useApi();
  const location = useLocation();
  const [shop] = createResource(() => api.shop.info());
  return (
    <>
      <PageMeta title={`${props.title} — GoMall`} description={props.description} path={props.path} type="article" />
      <div class="mb-8 max-w-3xl">
        <p class="m-0 text-sm font-semibold uppercase tracking-widest text-brand-700">{props.eyebrow}</p>
        <h1 class="m-0 mt-2 text-3xl sm:text-4xl font-extrabold tracking-tight">{props.heading ?? props.title}</h1>
        <p class="m-0 mt-3 text-lg text-gray-600 leading-relaxed">{props.lead}</p>
      </div>
      <div class="grid gap-8 lg:grid-cols-[1fr_18rem] items-start">
        <article class={`card p-5 sm:p-8 ${PROSE}`}>
          <Show when={shop()}>{(info) => props.children(info())}</Show>
        </article>
        <aside aria-labelledby="help-heading" class="card p-5 lg:sticky lg:top-4">
          <h2 id="help-heading" class="m-0 mb-3 text-base font-bold">
            Need a hand?
          </h2>
          <ul class="list-none m-0 p-0 space-y-1">
            <For each={PAGES}>
              {(page) => (
                <li>
                  <a
                    href={page.href}
                    aria-current={location.pathname === page.href ? 'page' : undefined}
                    class="flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-gray-700 no-underline hover:bg-gray-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
                  >
                    <span aria-hidden="true" class={`${page.icon} text-xl text-brand-700`} />
                    {page.label}
                  </a>
                </li>
              )}
            </For>
          </ul>
          <Show when={shop()}>
            {(info) => (
              <p class="m-0 mt-4 pt-4 border-t border-gray-200 text-sm text-gray-600">
                Write to us any time at{' '}
                <a href={`mailto:${info().email}`} class="font-medium text-brand-700 underline hover:text-brand-900">
                  {info().email}
                </a>
                . We answer within one business day.
              </p>
            )}
          </Show>
        </aside>
      </div>
    </>
  );
}
