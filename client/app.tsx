// The storefront's route table, shared by the server render and the browser.
import { MetaProvider } from '@solidjs/meta';
import { Route, Router } from '@solidjs/router';
import { ApiContext, type Api } from './api.ts';
import { Layout } from './layout.tsx';
import { CartPage } from './pages/cart.tsx';
import { CategoryPage } from './pages/category.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';

export function App(props: { api: Api; url?: string }) {
  return (
    <ApiContext.Provider value={props.api}>
      <MetaProvider>
        <Router url={props.url} root={Layout}>
          <Route path="/" component={HomePage} />
          <Route path="/category/:slug" component={CategoryPage} />
          <Route path="/cart" component={CartPage} />
          <Route path="*404" component={() => <NotFoundPage />} />
        </Router>
      </MetaProvider>
    </ApiContext.Provider>
  );
}
