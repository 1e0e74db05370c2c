// The storefront's route table, shared by the server render and the browser. Every page
// is its own lazily loaded chunk, so a shopper downloads the pages they visit and never
// the admin console (its pages and its layout load only under /admin).
import { MetaProvider } from '@solidjs/meta';
import { Route, Router } from '@solidjs/router';
import { lazy, Suspense, type Component, type ParentProps } from 'solid-js';
import { ApiContext, type Api } from './api.ts';
import type { PostedForm } from './forms/form-action.ts';
import { Layout } from './layout.tsx';
import { RenderErrorContext } from './page-error.ts';
import { PageStatusContext, type PageStatus } from './page-status.ts';
import { PostedFormContext } from './forms/posted-form-context.ts';
import { SiteOriginContext } from './site.ts';
import { NotFoundPage } from './pages/not-found.tsx';

/** One named component of a module loaded on first use (Solid's lazy() takes a default export). */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as Component<any> }));
}

const HomePage = page(() => import('./pages/home.tsx'), 'HomePage');
const CategoryPage = page(() => import('./pages/category.tsx'), 'CategoryPage');
const ProductPage = page(() => import('./pages/product.tsx'), 'ProductPage');
const SearchPage = page(() => import('./pages/search.tsx'), 'SearchPage');
const SignInPage = page(() => import('./pages/sign-in.tsx'), 'SignInPage');
const SignUpPage = page(() => import('./pages/sign-up.tsx'), 'SignUpPage');
const ForgotPasswordPage = page(() => import('./pages/password-reset.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./pages/password-reset.tsx'), 'ResetPasswordPage');
const UnsubscribePage = page(() => import('./pages/unsubscribe.tsx'), 'UnsubscribePage');
const AccountPage = page(() => import('./pages/account.tsx'), 'AccountPage');
const CartPage = page(() => import('./pages/cart.tsx'), 'CartPage');
const CheckoutPage = page(() => import('./pages/checkout.tsx'), 'CheckoutPage');
const OrdersPage = page(() => import('./pages/orders.tsx'), 'OrdersPage');
const OrderPage = page(() => import('./pages/order.tsx'), 'OrderPage');
const AboutPage = page(() => import('./pages/content/about.tsx'), 'AboutPage');
const ShippingPage = page(() => import('./pages/content/shipping.tsx'), 'ShippingPage');
const ReturnsPage = page(() => import('./pages/content/returns.tsx'), 'ReturnsPage');
const ContactPage = page(() => import('./pages/content/contact.tsx'), 'ContactPage');
const DevMailboxPage = page(() => import('./pages/mailbox.tsx'), 'DevMailboxPage');
const DevMessagePage = page(() => import('./pages/mailbox.tsx'), 'DevMessagePage');

const AdminLayout = page(() => import('./pages/admin/admin-layout.tsx'), 'AdminLayout');
const AdminDashboardPage = page(() => import('./pages/admin/dashboard.tsx'), 'AdminDashboardPage');
const AdminProductsPage = page(() => import('./pages/admin/products.tsx'), 'AdminProductsPage');
const AdminProductEditPage = page(() => import('./pages/admin/product-edit.tsx'), 'AdminProductEditPage');
const AdminOrdersPage = page(() => import('./pages/admin/orders.tsx'), 'AdminOrdersPage');
const AdminOrderPage = page(() => import('./pages/admin/order.tsx'), 'AdminOrderPage');
const AdminCouponsPage = page(() => import('./pages/admin/coupons.tsx'), 'AdminCouponsPage');
const AdminCampaignsPage = page(() => import('./pages/admin/campaigns.tsx'), 'AdminCampaignsPage');
const AdminCampaignPage = page(() => import('./pages/admin/campaigns.tsx'), 'AdminCampaignPage');
const AdminJobsPage = page(() => import('./pages/admin/jobs.tsx'), 'AdminJobsPage');
const AdminMailboxPage = page(() => import('./pages/admin/mailbox.tsx'), 'AdminMailboxPage');
const AdminMessagePage = page(() => import('./pages/admin/mailbox.tsx'), 'AdminMessagePage');

/**
 * The admin layout is itself lazy: the server render waits for it here. (Only here: a
 * boundary around the storefront's layout would blank the page whenever its header
 * loads something, the search suggestions say.)
 */
function AdminConsole(props: ParentProps) {
  return (
    <Suspense>
      <AdminLayout>{props.children}</AdminLayout>
    </Suspense>
  );
}

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
          <Router url={props.url}>
            <Route path="/admin" component={AdminConsole}>
              <Route path="/" component={AdminDashboardPage} />
              <Route path="/products" component={AdminProductsPage} />
              <Route path="/products/new" component={AdminProductEditPage} />
              <Route path="/products/:id" component={AdminProductEditPage} />
              <Route path="/orders" component={AdminOrdersPage} />
              <Route path="/orders/:id" component={AdminOrderPage} />
              <Route path="/coupons" component={AdminCouponsPage} />
              <Route path="/campaigns" component={AdminCampaignsPage} />
              <Route path="/campaigns/:id" component={AdminCampaignPage} />
              <Route path="/jobs" component={AdminJobsPage} />
              <Route path="/mailbox" component={AdminMailboxPage} />
              <Route path="/mailbox/:id" component={AdminMessagePage} />
            </Route>
            <Route component={Layout}>
              <Route path="/" component={HomePage} />
              <Route path="/category/:slug" component={CategoryPage} />
              <Route path="/product/:slug" component={ProductPage} />
              <Route path="/search" component={SearchPage} />
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
              <Route path="/about" component={AboutPage} />
              <Route path="/shipping" component={ShippingPage} />
              <Route path="/returns" component={ReturnsPage} />
              <Route path="/contact" component={ContactPage} />
              <Route path="/dev/mailbox" component={DevMailboxPage} />
              <Route path="/dev/mailbox/:id" component={DevMessagePage} />
              <Route path="*404" component={() => <NotFoundPage />} />
            </Route>
          </Router>
        </MetaProvider>
      </PostedFormContext.Provider>
    </ApiContext.Provider>
    </PageStatusContext.Provider>
    </SiteOriginContext.Provider>
    </RenderErrorContext.Provider>
  );
}
