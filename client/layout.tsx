// The frame of every page: skip link, header with search, category navigation, cart badge
// and account menu, cart notices, footer. The visitor's cart is read here once per page.
import { createResource, createSignal, For, type ParentProps } from 'solid-js';
import { useApi } from './api.ts';
import { CartContext } from './cart-state.ts';
import { AccountMenu } from './components/account-menu.tsx';
import { CartBadge } from './components/cart-badge.tsx';
import { CartNotice } from './components/cart-notice.tsx';
import { Guarded } from './components/guarded.tsx';
import { SearchBox } from './components/search-box.tsx';

export function Layout(props: ParentProps) {
  const api = useApi();
  const [categories] = createResource(() => api.product.categories());
  const [cart, { mutate: setCart }] = createResource(() => api.cart.get());
  const [menuOpen, setMenuOpen] = createSignal(false);
  return (
    <CartContext.Provider value={{ cart, set: setCart }}>
      <div class="min-h-screen flex flex-col bg-gray-50 text-gray-900 font-sans">
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 bg-white p-2 rounded z-10">
          Skip to content
        </a>
        <header class="bg-white border-b border-gray-200">
          <div class="max-w-6xl mx-auto px-4 py-3 flex items-center gap-3 md:gap-4 flex-wrap">
            <a href="/" class="text-xl font-bold tracking-tight text-gray-900 no-underline">
              GoMall
            </a>
            <SearchBox />
            <div class="ml-auto md:ml-4 flex items-center gap-3">
              <CartBadge />
              <AccountMenu />
            </div>
            <button
              type="button"
              class="md:hidden px-3 py-1.5 rounded border border-gray-300 text-sm"
              aria-controls="site-nav"
              aria-expanded={menuOpen()}
              onClick={() => setMenuOpen(!menuOpen())}
            >
              Menu
            </button>
            <nav
              id="site-nav"
              aria-label="Categories"
              class={`${menuOpen() ? 'block' : 'hidden'} md:block w-full md:order-last`}
            >
              <Guarded quiet>
                <ul class="flex flex-col md:flex-row gap-1 md:gap-4 list-none m-0 p-0 text-sm">
                  <For each={categories()}>
                    {(category) => (
                      <li>
                        <a href={`/category/${category.slug}`} class="block py-1 text-gray-700 hover:text-gray-900">
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
        <footer class="border-t border-gray-200 bg-white text-sm text-gray-600">
          <div class="max-w-6xl mx-auto px-4 py-6">GoMall Edge — an open-source shop for the edge.</div>
        </footer>
      </div>
    </CartContext.Provider>
  );
}
