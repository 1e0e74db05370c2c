// The header's account links: sign in / create account when signed out; the
// account page (and the admin console for admins) and a sign-out button (a plain
// form, so it works without JS) when in.
import { useLocation } from '@solidjs/router';
import { createResource, Show, Suspense } from 'solid-js';
import { withNext } from '../../routers/shared/next.ts';
import { useApi } from '../api.ts';
import { signOut } from '../forms/user-forms.ts';
import { ActionForm, SubmitButton } from './action-form.tsx';

export function AccountMenu() {
  const api = useApi();
  const location = useLocation();
  const [me] = createResource(() => api.user.me());
  // Come back here after signing in, unless "here" is the sign-in or sign-up page itself.
  const back = () => (/^\/sign-(in|up)$/.test(location.pathname) ? '/' : location.pathname + location.search);
  return (
    <Suspense>
      <Show
        when={me()}
        fallback={
          <div class="flex items-center gap-3 text-sm">
            <a href={withNext('/sign-in', back())} class="text-gray-700 hover:text-gray-900">
              Sign in
            </a>
            <a href={withNext('/sign-up', back())} class="hidden sm:inline-block px-3 py-1.5 rounded bg-gray-900 text-white no-underline">
              Create account
            </a>
          </div>
        }
      >
        {(user) => (
          <div class="flex items-center gap-3 text-sm">
            {/* A long name must not push the header onto more rows on a phone. */}
            <a href="/account" class="text-gray-700 hover:text-gray-900 max-w-[8rem] sm:max-w-[14rem] truncate" title={user().email}>
              {user().name || 'Your account'}
            </a>
            <a href="/orders" class="text-gray-700 hover:text-gray-900">
              Orders
            </a>
            <Show when={user().role === 'admin'}>
              <a href="/admin/products" class="text-gray-700 hover:text-gray-900">
                Admin
              </a>
            </Show>
            <ActionForm action={signOut} aria-label="Sign out" class="whitespace-nowrap">
              <SubmitButton label="Sign out" busyLabel="Signing out…" variant="plain" />
            </ActionForm>
          </div>
        )}
      </Show>
    </Suspense>
  );
}
