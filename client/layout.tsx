// The storefront's frame: header with search, category navigation, cart badge
// and account menu, cart notices, footer. The visitor's cart is read here once per page.
import { createResource, createSignal, For, type ParentProps } from 'solid-js';
import { useApi } from './api.ts';
import { BRAND_MARK_SVG } from './brand-mark.ts';
import { CartContext } from './cart-state.ts';
import { AccountMenu } from './components/account-menu.tsx';
import { CartBadge } from './components/cart-badge.tsx';
import { CartNotice } from './components/cart-notice.tsx';
import { Footer } from './components/footer.tsx';
import { Guarded } from './components/guarded.tsx';
import { closeTogglesOnEscape, HeaderToggle } from './components/header-toggle.tsx';
import { SearchBox } from './components/search-box.tsx';
import { PageFrame } from './page-frame.tsx';

export function Layout(props: ParentProps) {
  const api = useApi();
  const [categories] = createResource(() => api.product.categories());
  const [cart, { mutate: setCart }] = createResource(() => api.cart.get());
  const [menuOpen, setMenuOpen] = createSignal(false);
  return (
    <CartContext.Provider value={{ cart, set: setCart }}>
      <div class="min-h-screen flex flex-col bg-gray-50 text-gray-900 font-sans">
        <PageFrame onNavigate={() => setMenuOpen(false)}>
        <header class="bg-white/95 border-b border-gray-200 shadow-sm">
          {/* Phones: logo, account, cart and Menu on one row, search on the next, then whichever panel is open.
              Wider: logo, search, account links and cart (flush right), categories below. */}
          <div class="max-w-6xl mx-auto px-4 pt-3 pb-3 md:pb-0 flex items-center gap-x-2 gap-y-3 sm:gap-x-3 md:gap-x-6 flex-wrap" onKeyDown={closeTogglesOnEscape}>
            <a href="/" class="mr-auto md:mr-0 inline-flex items-center gap-2 text-xl font-extrabold tracking-tight text-gray-900 no-underline">
              <span aria-hidden="true" class="block w-8 h-8 [&>svg]:block [&>svg]:w-full [&>svg]:h-full" innerHTML={BRAND_MARK_SVG} />
              GoMall
            </a>
            <div class="order-1 w-full md:order-none md:w-auto md:flex-1 md:max-w-xl">
              <SearchBox />
            </div>
            <AccountMenu />
            <CartBadge />
            <HeaderToggle id="site-menu" controls="site-nav" label="Menu" open={menuOpen()} onToggle={setMenuOpen} />
            <nav
              id="site-nav"
              aria-label="Categories"
              class={`${menuOpen() ? 'block' : 'hidden'} md:block w-full order-3 md:order-last md:-mb-px`}
            >
              <Guarded quiet>
                <ul class="grid grid-cols-2 gap-x-4 gap-y-1 md:flex md:flex-row md:gap-6 list-none m-0 p-0 text-sm">
                  <For each={categories()}>
                    {(category) => (
                      <li>
                        <a
                          href={`/category/${category.slug}`}
                          class="block py-1.5 md:py-2.5 font-medium text-gray-700 no-underline border-b-2 border-transparent hover:text-brand-700 md:hover:border-brand-600"
                        >
                          {category.name}
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Guarded>
            </nav>
          </div>
        </header>
        <main id="main" class="flex-1 w-full max-w-6xl mx-auto px-4 py-6">
          <CartNotice />
          <Guarded fallback={<p>Loading…</p>}>{props.children}</Guarded>
        </main>
        <Footer categories={categories} />
        </PageFrame>
      </div>
    </CartContext.Provider>
  );
}
