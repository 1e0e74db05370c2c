import { setPageStatus } from '../page-status.ts';

/** Shown when a page fails to render. Never shows the error itself: the server logs it. */
export function ErrorPage() {
  setPageStatus(500);
  return (
    <section class="max-w-xl mx-auto py-16 text-center">
      <h1 class="text-2xl font-bold mb-2">Something went wrong</h1>
      <p class="text-gray-600 mb-6">We could not show this page. Please try again in a moment.</p>
      <a href="/" class="underline">
        Back to the shop
      </a>
    </section>
  );
}
