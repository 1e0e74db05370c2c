// createApp: the one Hono app both runtimes serve. Only the deps differ.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { RenderedPage } from '../client/entry-server.tsx';
import type { Api } from '../client/api.ts';
import { handleCartForm } from '../routers/cart/forms.ts';
import { productImage } from '../routers/product/image.ts';
import { appRouter, createCaller } from '../routers/index.ts';
import { createContext, type AppDeps } from './context.ts';
import { restoreCurlGlobbedInput } from './curl-input.ts';
import { healthCheck } from './health.ts';
import type { Logger } from './logger.ts';
import { requestLog } from './request-log.ts';
import { renderDocument, type ClientAssets } from './ssr/document.ts';
import { pageApi } from './ssr/page-api.ts';

export interface AppOptions {
  deps: AppDeps;
  logger: Logger;
  /** Hashed client entry and CSS, from Vite's manifest. */
  assets: ClientAssets;
  /** Server render of a page: the Vite SSR bundle in production, the source in dev and tests. */
  render: (url: string, api: Api) => Promise<RenderedPage>;
  /** Serves /assets/* (the hashed client build, cached for a year); runtime-specific. */
  serveAssets?: MiddlewareHandler;
}

type Env = { Variables: { requestId: string } };

export function createApp({ deps, logger, assets, render, serveAssets }: AppOptions) {
  const app = new Hono<Env>();
  const production = deps.config.mode === 'production';
  const contextFor = (c: HonoContext<Env>, resHeaders = new Headers()) =>
    createContext(deps, c.get('requestId'), c.req.raw.headers, resHeaders);

  app.use(requestId());
  app.use(requestLog(logger));

  app.get('/healthz', healthCheck(deps.db));

  app.all('/trpc/*', (c) =>
    fetchRequestHandler({
      endpoint: '/trpc',
      req: restoreCurlGlobbedInput(c.req.raw),
      router: appRouter,
      createContext: ({ resHeaders }) => contextFor(c, resHeaders),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error(`trpc ${path ?? '?'} failed, request ${c.get('requestId')}`, error.cause ?? error);
        }
      },
    }),
  );

  app.get('/img/products/:file', productImage);

  // Cart forms for shoppers without JavaScript (the same actions as the cart procedures).
  app.post('/cart/:action', (c) => handleCartForm(c.req.param('action'), c.req.raw, contextFor(c)));

  if (serveAssets) app.use('/assets/*', serveAssets);

  app.get('*', async (c) => {
    const ctx = contextFor(c);
    const api = pageApi(createCaller(ctx), logger, ctx.requestId);
    const page = await render(c.req.path + (new URL(c.req.url).search || ''), api);
    const res = c.html(renderDocument(page, assets), page.status as 200);
    ctx.resHeaders.forEach((value, key) => res.headers.append(key, value));
    return res;
  });

  app.onError((error, c) => {
    const id = c.get('requestId');
    logger.error(`${c.req.method} ${c.req.path} failed, request ${id}`, error);
    const message = production ? `Something went wrong on our side (request ${id}).` : String(error);
    return c.text(message, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
