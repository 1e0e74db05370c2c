// The storefront's route table, shared by the server render and the browser.
import { MetaProvider } from '@solidjs/meta';
import { Route, Router } from '@solidjs/router';
import { ApiContext, type Api } from './api.ts';
import type { PostedForm } from './forms/form-action.ts';
import { Layout } from './layout.tsx';
import { CartPage } from './pages/cart.tsx';
import { AccountPage } from './pages/account.tsx';
import { AdminDashboardPage } from './pages/admin/dashboard.tsx';
import { AdminProductEditPage } from './pages/admin/product-edit.tsx';
import { AdminProductsPage } from './pages/admin/products.tsx';
import { AdminOrderPage } from './pages/admin/order.tsx';
import { AdminOrdersPage } from './pages/admin/orders.tsx';
import { AdminCouponsPage } from './pages/admin/coupons.tsx';
import { AdminJobsPage } from './pages/admin/jobs.tsx';
import { AdminMailboxPage, AdminMessagePage } from './pages/admin/mailbox.tsx';
import { AdminCampaignPage, AdminCampaignsPage } from './pages/admin/campaigns.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset.tsx';
import { UnsubscribePage } from './pages/unsubscribe.tsx';
import { DevMailboxPage, DevMessagePage } from './pages/mailbox.tsx';
import { OrderPage } from './pages/order.tsx';
import { OrdersPage } from './pages/orders.tsx';
import { CategoryPage } from './pages/category.tsx';
import { CheckoutPage } from './pages/checkout.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProductPage } from './pages/product.tsx';
import { SearchPage } from './pages/search.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { SignUpPage } from './pages/sign-up.tsx';
import { RenderErrorContext } from './page-error.ts';
import { PageStatusContext, type PageStatus } from './page-status.ts';
import { PostedFormContext } from './forms/posted-form-context.ts';
import { SiteOriginContext } from './site.ts';

/** `status` collects the HTTP status of a server render; the browser has none. */
export function App(props: {
  api: Api;
  origin: string;
  url?: string;
  posted?: PostedForm;
  status?: PageStatus;
  onRenderError?: (error: unknown) => void;
}) {
  return (
    <RenderErrorContext.Provider value={props.onRenderError}>
    <SiteOriginContext.Provider value={props.origin}>
    <PageStatusContext.Provider value={props.status}>
    <ApiContext.Provider value={props.api}>
      <PostedFormContext.Provider value={props.posted}>
        <MetaProvider>
          <Router url={props.url} root={Layout}>
            <Route path="/" component={HomePage} />
            <Route path="/category/:slug" component={CategoryPage} />
            <Route path="/product/:slug" component={ProductPage} />
            <Route path="/search" component={SearchPage} />
            <Route path="/admin" component={AdminDashboardPage} />
            <Route path="/admin/products" component={AdminProductsPage} />
            <Route path="/admin/products/new" component={AdminProductEditPage} />
            <Route path="/admin/products/:id" component={AdminProductEditPage} />
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/sign-up" component={SignUpPage} />
            <Route path="/forgot-password" component={ForgotPasswordPage} />
            <Route path="/reset-password" component={ResetPasswordPage} />
            <Route path="/unsubscribe" component={UnsubscribePage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/cart" component={CartPage} />
            <Route path="/checkout" component={CheckoutPage} />
            <Route path="/orders" component={OrdersPage} />
            <Route path="/orders/:id" component={OrderPage} />
            <Route path="/admin/orders" component={AdminOrdersPage} />
            <Route path="/admin/orders/:id" component={AdminOrderPage} />
            <Route path="/admin/coupons" component={AdminCouponsPage} />
            <Route path="/admin/campaigns" component={AdminCampaignsPage} />
            <Route path="/admin/campaigns/:id" component={AdminCampaignPage} />
            <Route path="/admin/jobs" component={AdminJobsPage} />
            <Route path="/admin/mailbox" component={AdminMailboxPage} />
            <Route path="/admin/mailbox/:id" component={AdminMessagePage} />
            <Route path="/dev/mailbox" component={DevMailboxPage} />
            <Route path="/dev/mailbox/:id" component={DevMessagePage} />
            <Route path="*404" component={() => <NotFoundPage />} />
          </Router>
        </MetaProvider>
      </PostedFormContext.Provider>
    </ApiContext.Provider>
    </PageStatusContext.Provider>
    </SiteOriginContext.Provider>
    </RenderErrorContext.Provider>
  );
}
