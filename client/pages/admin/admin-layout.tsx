// The admin console's own frame: no storefront header or category bar, a link back to the shop.
import type { ParentProps } from 'solid-js';
import { Guarded } from '../../components/guarded.tsx';
import { PageFrame } from '../../page-frame.tsx';

export function AdminLayout(props: ParentProps) {
  return (
    <div class="min-h-screen flex flex-col bg-gray-50 text-gray-900 font-sans">
      <PageFrame>
        <header class="bg-gray-900 text-white">
          <div class="max-w-6xl mx-auto px-4 py-3 flex items-center gap-4">
            <a href="/admin" class="text-lg font-bold no-underline text-white">
              GoMall Admin
            </a>
            <a href="/" class="ml-auto text-sm text-gray-200 hover:text-white">
              View shop
            </a>
          </div>
        </header>
        <main id="main" class="flex-1 w-full max-w-6xl mx-auto px-4 py-6">
          <Guarded fallback={<p>Loading…</p>}>{props.children}</Guarded>
        </main>
      </PageFrame>
    </div>
  );
}
