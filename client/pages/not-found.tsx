import { Title } from '@solidjs/meta';
import { setPageStatus } from '../page-status.ts';

export function NotFoundPage(props: { message?: string }) {
  setPageStatus(404);
  return (
    <section class="text-center py-16">
      <Title>Not found — GoMall</Title>
      <h1 class="text-2xl font-bold mb-2">We couldn't find that page</h1>
      <p class="text-gray-600 mb-6">{props.message ?? 'The link may be old, or the page has moved.'}</p>
      <a href="/" class="underline">
        Back to the shop
      </a>
    </section>
  );
}
