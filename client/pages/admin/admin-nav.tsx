// The console's sections, in its layout: a sidebar on wide screens, a bar that scrolls
// sideways on phones. The section of the current address is marked for everyone.
import { useLocation } from '@solidjs/router';
import { For, onMount } from 'solid-js';

const SECTIONS = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/coupons', label: 'Coupons' },
  { href: '/admin/campaigns', label: 'Campaigns' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/mailbox', label: 'Mailbox' },
];

/** "page" on a section's own page, "true" on the pages inside it (a product, an order). */
export function currentSection(href: string, path: string): 'page' | 'true' | undefined {
  const here = path.replace(/\/+$/, '') || '/';
  if (here === href) return 'page';
  return href !== '/admin' && here.startsWith(`${href}/`) ? 'true' : undefined;
}

export function AdminNav() {
  const location = useLocation();
  let nav: HTMLElement | undefined;
  // On a phone the bar may start scrolled away from the current section: bring it into view.
  onMount(() => nav?.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  return (
    <nav ref={nav} aria-label="Admin" class="admin-nav bg-white border-b border-gray-200 md:border-b-0 md:border-r md:w-52 md:shrink-0">
      <ul class="flex md:flex-col gap-1 list-none m-0 px-2 py-2 md:px-3 md:py-4 overflow-x-auto md:overflow-visible md:sticky md:top-0">
        <For each={SECTIONS}>
          {(section) => {
            const current = () => currentSection(section.href, location.pathname);
            return (
              <li class="shrink-0">
                <a
                  href={section.href}
                  aria-current={current()}
                  class={`block px-3 py-2 rounded text-sm no-underline whitespace-nowrap ${
                    current() ? 'bg-gray-900 text-white font-medium' : 'text-gray-700 hover:bg-gray-100 hover:text-gray-900'
                  }`}
                >
                  {section.label}
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
