// createApp: the one Hono app both runtimes serve. Only the deps differ.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { RenderedPage, RenderOptions } from '../client/entry-server.tsx';
import type { Api } from '../client/api.ts';
import type { PostedForm } from '../client/forms/form-action.ts';
import { adminActions } from '../client/forms/admin-forms.ts';
import { cartActions } from '../client/forms/cart-forms.ts';
import { checkoutActions } from '../client/forms/checkout-forms.ts';
import { orderActions } from '../client/forms/order-forms.ts';
import { adminOrderActions } from '../client/forms/admin-order-forms.ts';
import { adminJobActions } from '../client/forms/admin-job-forms.ts';
import { mailboxHtml } from './mail/mailbox-html.ts';
import { userActions } from '../client/forms/user-forms.ts';
import { productImage } from './product-image.ts';
import { appRouter, createCaller } from '../routers/index.ts';
import { sameOriginWrites } from './auth/origin-check.ts';
import { signInRedirect } from '../routers/shared/protected-pages.ts';
import { createContext, type AppDeps, type Context } from '../routers/context.ts';
import { resolveSession } from '../routers/user/session.ts';
import { formPost } from './form-post-handler.ts';
import { plainText } from './plain-text.ts';
import { healthCheck } from './health.ts';
import { jobsWebhook } from './jobs-webhook.ts';
import type { Logger } from './logger.ts';
import { loggedPath, printable, requestLog } from './request-log.ts';
import { renderDocument, type ClientAssets } from './ssr/document.ts';
import { cspNonce, pagePolicy } from './ssr/content-security-policy.ts';
import { pageApi } from './ssr/page-api.ts';

export interface AppOptions {
  deps: AppDeps;
  logger: Logger;
  /** Hashed client entry and CSS, from Vite's manifest. */
  assets: ClientAssets;
  /** Server render of a page: the Vite SSR bundle in production, the source in dev and tests. */
  render: (url: string, api: Api, options: RenderOptions) => Promise<RenderedPage>;
  /** Serves /assets/* (the hashed client build, cached for a year); runtime-specific. */
  serveAssets?: MiddlewareHandler;
  /**
   * The client's network address, for the sign-in rate limit; runtime-specific.
   * Defaults to Cloudflare's CF-Connecting-IP (trustworthy only on the edge).
   */
  clientAddress?: (c: HonoContext) => string | undefined;
}

type Env = { Variables: { requestId: string } };

const MAX_BODY_BYTES = 256 * 1024;
/** The most procedure calls one tRPC request may carry; the shop's pages batch a handful. */
const MAX_BATCH_CALLS = 20;

const cloudflareAddress = (c: HonoContext) => c.req.header('cf-connecting-ip');

export function createApp({ deps, logger, assets, render, serveAssets, clientAddress = cloudflareAddress }: AppOptions) {
  const app = new Hono<Env>();
  const production = deps.config.mode === 'production';
  // The context of an HTTP request: signed in when its session cookie leads to a live session.
  const contextFor = async (c: HonoContext<Env>, resHeaders = new Headers()) => {
    const ctx = createContext(deps, c.get('requestId'), c.req.raw.headers, resHeaders, {
      origin: new URL(c.req.url).origin,
      clientAddress: clientAddress(c) || 'unknown',
    });
    ctx.session = await resolveSession(ctx);
    return ctx;
  };

  const sendPage = async (c: HonoContext<Env>, ctx: Context, url: string, posted?: PostedForm, status?: number) => {
    const nonce = cspNonce();
    const onError = (error: unknown) => logger.error(`page ${printable(url)} failed, request ${ctx.requestId}`, error);
    const page = await render(new URL(url, c.req.url).href, pageApi(createCaller(ctx), logger, ctx.requestId), { posted, nonce, onError });
    const res = c.html(renderDocument(page, assets, nonce), (status ?? page.status) as 200);
    res.headers.set('content-security-policy', pagePolicy(nonce));
    ctx.resHeaders.forEach((value, key) => res.headers.append(key, value));
    return res;
  };

  // Always our own id: one taken from the client's x-request-id would let it choose
  // what its errors and log lines are filed under.
  app.use(requestId({ headerName: '' }));
  app.use(requestLog(logger));
  // nosniff, same-origin framing only, and so on; pages add their own nonce-based CSP
  // (server/ssr/content-security-policy.ts). The referrer policy must
  // not be no-referrer: browsers then send "Origin: null" with form posts, which the
  // same-origin check refuses.
  app.use(
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );

  app.get('/healthz', healthCheck(deps.db));
  // A malformed Host header (port 99999, "[::1") leaves a request URL that does not parse;
  // everything below reads it. /healthz, above, answers whatever the Host.
  app.use(async (c, next) => {
    if (!URL.canParse(c.req.url)) return c.text('Bad Host header', 400);
    await next();
  });
  // No form or API call of the shop is anywhere near this; bigger bodies are refused unread.
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('The request is too large.', 413) }));
  // QStash job webhooks are authenticated by their signature, not by origin.
  app.use(sameOriginWrites(['/jobs/']));

  app.all('/trpc/*', async (c) => {
    // Streamed answers carry no Set-Cookie and report errors inside a 200; the shop never streams.
    if (wantsStream(c.req.raw.headers)) return c.text('Streaming tRPC responses (application/jsonl) are not supported.', 400);
    return fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: appRouter,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ resHeaders }) => contextFor(c, resHeaders),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error(`trpc ${printable(path ?? '?')} failed, request ${c.get('requestId')}`, error.cause ?? error);
        }
      },
    });
  });

  // QStash delivers due jobs here, signed (404 unless the QStash signing keys are set).
  app.post('/jobs/:name', jobsWebhook({ deps, logger }));

  app.get('/img/products/:file', productImage);

  // Forms for shoppers without JavaScript: each runs the same procedure its page calls with JavaScript.
  for (const action of [...userActions, ...adminActions, ...cartActions, ...checkoutActions, ...orderActions, ...adminOrderActions, ...adminJobActions]) {
    app.post(action.path, formPost(action, { context: contextFor, page: sendPage }));
  }
  // A stored email's HTML, framed by the mailbox pages under its own strict CSP.
  app.get('/:area{dev|admin}/mailbox/:id{[0-9]{1,15}}/html', mailboxHtml(async (c) => createCaller(await contextFor(c))));
  app.notFound(() => plainText('Not found', 404));

  if (serveAssets) app.use('/assets/*', serveAssets);

  app.get('*', async (c) => {
    const url = new URL(c.req.url);
    // "//account" would read as a host name wherever the path is resolved as a URL: one slash.
    if (url.pathname.startsWith('//')) return c.redirect(url.pathname.replace(/^\/+/, '/') + url.search, 301);
    const ctx = await contextFor(c);
    const redirect = signInRedirect(url, ctx.session !== null);
    if (redirect) {
      const res = c.redirect(redirect, 302);
      ctx.resHeaders.forEach((value, key) => res.headers.append(key, value));
      return res;
    }
    return sendPage(c, ctx, url.pathname + url.search);
  });

  app.onError((error, c) => {
    const id = c.get('requestId');
    logger.error(`${c.req.method} ${loggedPath(c.req.url)} failed, request ${id}`, error);
    const message = production ? `Something went wrong on our side (request ${id}).` : String(error);
    return c.text(message, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

/** Whether tRPC would stream its answer (JSON lines), as its fetch adapter reads these headers. */
function wantsStream(headers: Headers): boolean {
  const jsonl = (type: string) => type.trim().toLowerCase() === 'application/jsonl';
  const trpcAccept = headers.get('trpc-accept');
  return trpcAccept !== null ? jsonl(trpcAccept) : (headers.get('accept') ?? '').split(',').some(jsonl);
}
