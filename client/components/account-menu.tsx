// The header's account links: sign in / create account when signed out; the
// account page (and the admin console for admins), orders and a sign-out button (a
// plain form, so it works without JS) when in. On a phone, signed in, they fold
// behind an "Account" toggle so the header keeps to two rows.
import { useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, on, Show, Suspense } from 'solid-js';
import { withNext } from '../../routers/shared/next.ts';
import { useApi } from '../api.ts';
import { signOut } from '../forms/sign-out-form.ts';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { HeaderToggle } from './header-toggle.tsx';

export function AccountMenu() {
  const api = useApi();
  const location = useLocation();
  const [me] = createResource(() => api.user.me());
  const [open, setOpen] = createSignal(false);
  // Another page: the links fold away again.
  createEffect(on(() => location.pathname + location.search, () => setOpen(false), { defer: true }));
  // Come back here after signing in, unless "here" is the sign-in or sign-up page itself.
  const back = () => (/^\/sign-(in|up)$/.test(location.pathname) ? '/' : location.pathname + location.search);
  return (
    <Suspense>
      <Show
        when={me()}
        fallback={
          <div class="md:ml-auto flex items-center gap-3 text-sm">
            <a href={withNext('/sign-in', back())} class="font-medium text-gray-700 no-underline hover:text-brand-700">
              Sign in
            </a>
            <a href={withNext('/sign-up', back())} class="hidden sm:inline-flex btn-primary h-9 py-0">
              Create account
            </a>
          </div>
        }
      >
        {(user) => (
          <>
            <HeaderToggle id="account-menu" controls="account-links" label="Account" open={open()} onToggle={setOpen} />
            {/* Phones: a row below the search while open; wider screens: always on show, before the cart. */}
            <div
              id="account-links"
              class={`${open() ? 'flex' : 'hidden'} md:flex order-2 md:order-none w-full md:w-auto md:ml-auto flex-wrap items-center gap-x-4 gap-y-2 text-sm`}
            >
              {/* A long name must not push the header onto more rows. */}
              <a href="/account" class="font-medium text-gray-700 no-underline hover:text-brand-700 max-w-[14rem] truncate" title={user().email}>
                {user().name || 'Your account'}
              </a>
              <a href="/orders" class="font-medium text-gray-700 no-underline hover:text-brand-700">
                Orders
              </a>
              <Show when={user().role === 'admin'}>
                <a href="/admin" class="font-medium text-gray-700 no-underline hover:text-brand-700">
                  Admin
                </a>
              </Show>
              <ActionForm action={signOut} aria-label="Sign out" class="whitespace-nowrap">
                <SubmitButton label="Sign out" busyLabel="Signing out…" variant="plain" />
              </ActionForm>
            </div>
          </>
        )}
      </Show>
    </Suspense>
  );
}
