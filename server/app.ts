// createApp: the one Hono app both runtimes serve. Only the deps differ.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { headLength } from './head-length.ts';
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
import { emailActions } from '../client/forms/email-forms.ts';
import { mailboxHtml } from './mail/mailbox-html.ts';
import { campaignHtml, campaignPreview } from './mail/campaign-html.ts';
import { oneClickUnsubscribe } from './mail/one-click-unsubscribe.ts';
import { userActions } from '../client/forms/user-forms.ts';
import { productImage } from './product-image.ts';
import { robots } from './seo/robots.ts';
import { sitemap } from './seo/sitemap.ts';
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
import { metricsEndpoint } from './metrics-endpoint.ts';
import type { ShopMetrics } from './metrics.ts';
import type { ShopTracing } from './tracing.ts';
import { pageRoute, type RouteVariables } from './route-name.ts';
import { renderDocument, type ClientAssets } from './ssr/document.ts';
import { cspNonce, noncePolicy } from './ssr/content-security-policy.ts';
import { pageApi } from './ssr/page-api.ts';
import { pageCache, type ServedPage } from './ssr/page-cache.ts';
import { acceptsGzip } from './accepts-gzip.ts';
import { catalogReadCache } from './read-cache.ts';
import { cheapBodyLimit } from './body-limit.ts';

export interface AppOptions {
  deps: AppDeps;
  logger: Logger;
  /** Hashed client entry and CSS, from Vite's manifest. */
  assets: ClientAssets;
  /** Server render of a page: the Vite SSR bundle in production, the source in dev and tests. */
  render: (url: string, api: Api, options: RenderOptions) => Promise<RenderedPage>;
  /** Serves /assets/* (the hashed client build, cached for a year); runtime-specific. */
  serveAssets?: MiddlewareHandler;
  /** Serves the build's files at the root (favicon, app icons, web app manifest); runtime-specific. */
  servePublic?: MiddlewareHandler;
  /** gzip HTML, JSON and other text answers for clients that accept it (Workers compress by themselves). */
  compress?: boolean;
  /**
   * The client's network address, for the sign-in rate limit; runtime-specific.
   * Defaults to Cloudflare's CF-Connecting-IP (trustworthy only on the edge).
   */
  clientAddress?: (c: HonoContext) => string | undefined;
  /**
   * Memory for the catalog read cache and the shared-page cache, in bytes (defaults: 4 MiB
   * and 16 MiB, CATALOG_CACHE_BYTES and PAGE_CACHE_BYTES). A Worker isolate, with its 128 MB, may want less.
   */
  cacheBytes?: { catalog?: number; pages?: number };
  /** The process's metrics (server/observability.ts): GET /metrics, and each request counted. */
  metrics?: ShopMetrics;
  /** OpenTelemetry (server/tracing.ts): a span per request; absent, no tracing middleware at all. */
  tracing?: ShopTracing;
}

type Env = { Variables: RouteVariables };

const MAX_BODY_BYTES = 256 * 1024;
/** The most procedure calls one tRPC request may carry; the shop's pages batch a handful. */
const MAX_BATCH_CALLS = 20;

const cloudflareAddress = (c: HonoContext) => c.req.header('cf-connecting-ip');

export function createApp({ deps, logger, assets, render, serveAssets, servePublic, compress: compressing, clientAddress = cloudflareAddress, metrics, tracing, cacheBytes = {} }: AppOptions) {
  const app = new Hono<Env>();
  const production = deps.config.mode === 'production';
  // The context of an HTTP request: signed in when its session cookie leads to a live session.
  const contextFor = async (c: HonoContext<Env>, resHeaders = new Headers()) => {
    const ctx = createContext(deps, c.get('requestId'), c.req.raw.headers, resHeaders, {
      origin: new URL(c.req.url).origin,
      clientAddress: clientAddress(c) || 'unknown',
    });
    ctx.session = await resolveSession(ctx);
    if (ctx.session) c.set('userId', ctx.session.userId);
    return ctx;
  };

  const siteOrigin = (c: HonoContext) => deps.config.siteOrigin ?? new URL(c.req.url).origin;

  // Public catalog reads from memory while the catalog is unchanged (server/read-cache.ts), and
  // the pages of visitors with no cookie likewise (server/ssr/page-cache.ts).
  const catalogCache = catalogReadCache(deps.db, { maxBytes: cacheBytes.catalog });
  const pages = pageCache(deps.db, { maxBytes: cacheBytes.pages, compress: compressing });

  /** A page's HTML with `nonce` on its inline scripts, and whether the render was the same for anyone (the page cache). */
  const renderHtml = async (c: HonoContext<Env>, ctx: Context, url: string, nonce: string, posted?: PostedForm) => {
    let failed = false;
    let unsettled = 0;
    const reads = new Set<string>();
    const onError = (error: unknown) => {
      failed = true;
      logger.error(`page ${printable(url)} failed, request ${ctx.requestId}`, error, { requestId: ctx.requestId });
    };
    const observe = (procedure: string, result: Promise<unknown>) => {
      reads.add(procedure);
      unsettled++;
      result.then(() => unsettled--, () => ((failed = true), unsettled--));
    };
    const rendering = () => render(new URL(url, siteOrigin(c)).href, pageApi(createCaller(ctx), logger, ctx.requestId, observe), { posted, nonce, onError });
    const page = await (ctx.tracing ? ctx.tracing.span('ssr.render', rendering) : rendering());
    let headers = 0;
    ctx.resHeaders.forEach(() => headers++);
    const shareable = !failed && unsettled === 0 && headers === 0 && ctx.session === null && !posted;
    return { page, html: renderDocument(page, assets, nonce), route: pageRoute(page.route), shareable, reads };
  };

  const pageResponse = (c: HonoContext<Env>, html: string | ServedPage['body'], status: number, route: string, policy: string, resHeaders?: Headers) => {
    c.set('route', route);
    const res = typeof html === 'string' ? c.html(html, status as 200) : c.body(html as Uint8Array<ArrayBuffer>, status as 200, { 'content-type': 'text/html; charset=UTF-8' });
    res.headers.set('content-security-policy', policy);
    resHeaders?.forEach((value, key) => res.headers.append(key, value));
    return res;
  };

  const sendPage = async (c: HonoContext<Env>, ctx: Context, url: string, posted?: PostedForm, status?: number) => {
    const nonce = cspNonce();
    const { page, html, route } = await renderHtml(c, ctx, url, nonce, posted);
    return pageResponse(c, html, status ?? page.status, route, noncePolicy(nonce), ctx.resHeaders);
  };

  // Always our own id: one taken from the client's x-request-id would let it choose
  // what its errors and log lines are filed under.
  app.use(requestId({ headerName: '' }));
  app.use(headLength);
  if (tracing) app.use(tracing.middleware);
  app.use(requestLog(logger, metrics));
  // nosniff, same-origin framing only, and so on; pages add their own CSP (a nonce, or script hashes on shared pages)
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

  // Precompressed files carry their Content-Encoding already and pass through untouched.
  if (compressing) app.use(compress({ encoding: 'gzip' }));

  app.get('/healthz', healthCheck(deps.db));
  // Prometheus metrics, with METRICS_TOKEN as a bearer token (404 while unset).
  app.get('/metrics', metricsEndpoint(metrics, deps.config.metricsToken));
  // A malformed Host header (port 99999, "[::1") leaves a request URL that does not parse;
  // everything below reads it. /healthz, above, answers whatever the Host.
  app.use(async (c, next) => {
    if (!URL.canParse(c.req.url)) return c.text('Bad Host header', 400);
    await next();
  });
  // No form or API call of the shop is anywhere near this; bigger bodies are refused unread.
  const tooLarge = (c: HonoContext) => c.text('The request is too large.', 413);
  app.use(cheapBodyLimit(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }), MAX_BODY_BYTES, tooLarge));
  // QStash job webhooks are authenticated by their signature, not by origin; the
  // one-click unsubscribe (POSTed by mail providers) by the token in its URL.
  app.use(sameOriginWrites(['/jobs/'], ['/unsubscribe']));

  app.all('/trpc/*', async (c) => {
    // Streamed answers carry no Set-Cookie and report errors inside a 200; the shop never streams.
    if (wantsStream(c.req.raw.headers)) return c.text('Streaming tRPC responses (application/jsonl) are not supported.', 400);
    const trpc = () => fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: appRouter,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ resHeaders }) => contextFor(c, resHeaders),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error(`trpc ${printable(path ?? '?')} failed, request ${c.get('requestId')}`, error.cause ?? error, { requestId: c.get('requestId') });
        }
      },
    });
    return catalogCache.covers(c.req.raw, c.req.path) ? catalogCache.answer(c.req.raw, c.req.path, trpc) : trpc();
  });

  // QStash delivers due jobs here, signed (404 unless the QStash signing keys are set).
  app.post('/jobs/:name', jobsWebhook({ deps, logger }));

  app.get('/img/products/:file', productImage);
  // For search engines: what to crawl, and the storefront's pages as the catalog is now.
  const sitemaps = sitemap(deps.db, siteOrigin);
  app.get('/robots.txt', robots(siteOrigin));
  app.get('/sitemap.xml', sitemaps.index);
  app.get('/sitemap/:file{[0-9]{1,6}\\.xml}', sitemaps.part);

  // RFC 8058 one-click unsubscribe (POST /unsubscribe?token=…); the page's own form falls through to its action below.
  app.post('/unsubscribe', oneClickUnsubscribe(async (c) => createCaller(await contextFor(c))));
  // Forms for shoppers without JavaScript: each runs the same procedure its page calls with JavaScript.
  for (const action of [...userActions, ...adminActions, ...cartActions, ...checkoutActions, ...orderActions, ...adminOrderActions, ...adminJobActions, ...emailActions]) {
    app.post(action.path, formPost(action, { context: contextFor, page: sendPage }));
  }
  // A stored email's HTML, framed by the mailbox pages under its own strict CSP.
  app.get('/:area{dev|admin}/mailbox/:id{[0-9]{1,15}}/html', mailboxHtml(async (c) => createCaller(await contextFor(c))));
  // A campaign's HTML in the admin pages' frame: a saved one, and the compose form's live preview.
  app.get('/admin/campaigns/:id{[0-9]{1,15}}/html', campaignHtml(async (c) => createCaller(await contextFor(c))));
  app.post('/admin/campaigns/preview', campaignPreview(async (c) => createCaller(await contextFor(c))));
  app.notFound(() => plainText('Not found', 404));

  if (serveAssets) app.use('/assets/*', serveAssets);
  if (servePublic) app.use('/:file{[a-z0-9-]+\\.(?:svg|ico|png|webmanifest)}', servePublic);

  app.get('*', async (c) => {
    const url = new URL(c.req.url);
    // "//account" would read as a host name wherever the path is resolved as a URL: one slash.
    if (url.pathname.startsWith('//')) return c.redirect(url.pathname.replace(/^\/+/, '/') + url.search, 301);
    // A visitor with no cookie, on a page anyone may see: the page everyone else with no cookie gets.
    const key = pages.keyFor(c.req.raw, url);
    if (key && !signInRedirect(url, false)) {
      let own: Headers | undefined;
      const page = await pages.serve(key, compressing === true && acceptsGzip(c.req.header('accept-encoding')), async (nonce) => {
        const ctx = await contextFor(c);
        own = ctx.resHeaders;
        const { page, html, route, shareable, reads } = await renderHtml(c, ctx, url.pathname + url.search, nonce);
        return { html, status: page.status, route, shareable, reads };
      });
      const res = pageResponse(c, page.body, page.status, page.route, page.policy, own);
      if (page.encoding) res.headers.set('content-encoding', page.encoding);
      if (compressing) res.headers.append('vary', 'Accept-Encoding');
      return res;
    }
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
    logger.error(`${c.req.method} ${loggedPath(c.req.url)} failed, request ${id}`, error, { requestId: id });
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
