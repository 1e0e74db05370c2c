// The route a request took, as a template ("/product/:slug", "/trpc/cart.add",
// "/jobs/:name"): for the JSON log's `route` and the metrics' `route` label, whose
// values must stay few whatever paths clients send. Pages are named by the page
// router's own pattern (the render reports it); everything else by Hono's route.
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { appRouter } from '../routers/index.ts';

/** A request no route of ours answered (unknown path, refused before routing). */
export const UNMATCHED = '(unmatched)';
/** The page handler answered without rendering a page (a redirect, a failure). */
export const PAGE = '(page)';
/** A tRPC batch (several procedures in one request); each call is counted per procedure. */
export const TRPC_BATCH = '/trpc/(batch)';

const procedures = new Set(Object.keys(appRouter._def.procedures));

export type RouteVariables = { requestId: string; route?: string; userId?: number; traceId?: string };

export function routeOf(c: Context<{ Variables: RouteVariables }>): string {
  const rendered = c.get('route');
  if (rendered) return rendered;
  const route = matchedRoutes(c)[c.req.routeIndex];
  // Only middleware (app.use: method ALL, path "*") ran: nothing routed the request.
  if (!route || (route.method === 'ALL' && (route.path === '*' || route.path === '/*'))) return UNMATCHED;
  if (route.path === '/trpc/*') return trpcRoute(c.req.path);
  if (route.path === '*') return PAGE;
  return route.path;
}

/** "/trpc/cart.add" for one known procedure; a batch or an unknown name gets a fixed label. */
export function trpcRoute(path: string): string {
  const names = path.slice('/trpc/'.length);
  if (names.includes(',')) return TRPC_BATCH;
  return procedures.has(names) ? `/trpc/${names}` : '/trpc/(unknown)';
}

/** A page router pattern as a route: the catch-all (not found) gets one label; the home page's is "". */
export function pageRoute(pattern: string | undefined): string {
  if (pattern === undefined || pattern.includes('*')) return '(not found)';
  return pattern || '/';
}
