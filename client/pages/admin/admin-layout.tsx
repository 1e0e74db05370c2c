// The admin console's own frame: a dark header (who is signed in, sign out, back to the
// shop) and the sections beside the page (above it on phones). No storefront header or
// category bar. Only an admin sees the sections and their name: anyone else gets the
// page's "Admins only" answer in a bare frame.
import { Meta } from '@solidjs/meta';
import { createResource, Show, type ParentProps } from 'solid-js';
import { useApi } from '../../api.ts';
import { ActionForm } from '../../components/action-form.tsx';
import { Guarded } from '../../components/guarded.tsx';
import { signOut } from '../../forms/sign-out-form.ts';
import { PageFrame } from '../../page-frame.tsx';
import { asAdmin } from './admin-access.tsx';
import { StyledSubmit } from './admin-fields.tsx';
import { AdminNav } from './admin-nav.tsx';

export function AdminLayout(props: ParentProps) {
  const api = useApi();
  // The same gate as the pages' own data: anyone the admin API refuses sees no sections and no name.
  const [me] = createResource(() => asAdmin(api.admin.me()));
  const admin = () => {
    const result = me();
    return result && 'data' in result ? result.data : undefined;
  };
  return (
    <div class="min-h-screen flex flex-col bg-gray-50 text-gray-900 font-sans">
      <PageFrame>
        {/* No admin page belongs in a search engine, whoever's answer it is. */}
        <Meta name="robots" content="noindex" />
        <header class="bg-gray-900 text-white">
          <div class="px-4 md:px-6 py-2.5 flex flex-wrap items-center gap-x-4 gap-y-1">
            <a href="/admin" class="mr-auto text-lg font-bold tracking-tight text-white no-underline">
              GoMall <span class="font-normal text-gray-300">Admin</span>
            </a>
            <Guarded quiet>
              <Show when={admin()}>
                {(user) => (
                  // Phones: a line of its own below; wider: beside the links.
                  <p class="order-last sm:order-none w-full sm:w-auto m-0 text-xs sm:text-sm text-gray-300 truncate sm:max-w-[16rem]" title={user().email}>
                    Signed in as <span class="text-white">{user().name || user().email}</span>
                  </p>
                )}
              </Show>
            </Guarded>
            <a href="/" class="text-sm text-gray-100 hover:text-white underline underline-offset-2">
              View shop
            </a>
            <Guarded quiet>
              <Show when={admin()}>
                <ActionForm action={signOut} aria-label="Sign out">
                  <StyledSubmit
                    label="Sign out"
                    busyLabel="Signing out…"
                    class="px-3 py-1 rounded border border-gray-500 bg-transparent text-sm text-gray-100 hover:bg-gray-800 hover:text-white cursor-pointer"
                  />
                </ActionForm>
              </Show>
            </Guarded>
          </div>
        </header>
        <div class="flex-1 flex flex-col md:flex-row">
          <Guarded quiet>
            <Show when={admin()}>
              <AdminNav />
            </Show>
          </Guarded>
          {/* min-w-0: a wide table scrolls inside the page instead of widening it. */}
          <main id="main" class="flex-1 min-w-0 px-4 md:px-8 py-6">
            <div class="max-w-6xl">
              <Guarded fallback={<p>Loading…</p>}>{props.children}</Guarded>
            </div>
          </main>
        </div>
      </PageFrame>
    </div>
  );
}
