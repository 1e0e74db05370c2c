// The storefront's route table, shared by the server render and the browser.
import { MetaProvider } from '@solidjs/meta';
import { Route, Router } from '@solidjs/router';
import { ApiContext, type Api } from './api.ts';
import { Layout } from './layout.tsx';
import { CartPage } from './pages/cart.tsx';
import { CategoryPage } from './pages/category.tsx';
import { HomePage } from './pages/home.tsx';
import { AdminProductEditPage } from './pages/admin/product-edit.tsx';
import { AdminProductsPage } from './pages/admin/products.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProductPage } from './pages/product.tsx';
import { SearchPage } from './pages/search.tsx';

export function App(props: { api: Api; url?: string }) {
  return (
    <ApiContext.Provider value={props.api}>
      <MetaProvider>
        <Router url={props.url} root={Layout}>
          <Route path="/" component={HomePage} />
          <Route path="/category/:slug" component={CategoryPage} />
          <Route path="/product/:slug" component={ProductPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/admin/products" component={AdminProductsPage} />
          <Route path="/admin/products/new" component={AdminProductEditPage} />
          <Route path="/admin/products/:id" component={AdminProductEditPage} />
          <Route path="/cart" component={CartPage} />
          <Route path="*404" component={() => <NotFoundPage />} />
        </Router>
      </MetaProvider>
    </ApiContext.Provider>
  );
}
