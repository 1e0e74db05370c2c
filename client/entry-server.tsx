// Server render of one page: the app's HTML, its head tags and its HTTP status.
import { renderToStringAsync, ssr } from 'solid-js/web';
import type { Api } from './api.ts';
import { App } from './app.tsx';
import type { PostedForm } from './forms/form-action.ts';
import type { PageStatus } from './page-status.ts';

export interface RenderedPage {
  head: string;
  body: string;
  status: number;
  /** The page's own address (path and query), which the browser's router must see when it takes over. */
  path: string;
  /** The page router's pattern that rendered it ("/product/:slug"; "/*404" for an unknown page). */
  route?: string;
}

// Solid inserts head tags (title, meta) just before a "</head>"; we render one
// marker first and split the output there, as the document shell is ours.
const HEAD_END = '</head>';

export interface RenderOptions {
  /** A plain form post that failed, shown again with its errors. */
  posted?: PostedForm;
  /** The Content-Security-Policy nonce for the inline hydration-data scripts. */
  nonce?: string;
  /** A failure while rendering that is the shop's fault (the page shows a generic error). */
  onError?: (error: unknown) => void;
}

/** `url`: the absolute URL of the page. */
export async function renderPage(url: string, api: Api, { posted, nonce, onError }: RenderOptions = {}): Promise<RenderedPage> {
  const { origin, pathname, search } = new URL(url);
  const page: PageStatus = { status: 200 };
  const html = await renderToStringAsync(
    () => [
      ssr(HEAD_END) as unknown as Element,
      <App api={api} origin={origin} url={pathname + search} posted={posted} status={page} onRenderError={onError} />,
    ],
    { nonce },
  );
  const at = html.indexOf(HEAD_END);
  return { head: html.slice(0, at), body: html.slice(at + HEAD_END.length), status: page.status, path: pathname + search, route: page.route };
}
