// HEAD is answered by the GET route with its body dropped, and Bun then says
// `content-length: 0`: give the length the GET body has (compressed or not, as sent).
// Every other request passes straight through, with no await of its own.
import type { Context, MiddlewareHandler, Next } from 'hono';

async function measured(c: Context, next: Next): Promise<void> {
  await next();
  if (!c.res.body || c.res.headers.has('content-length')) return;
  c.res.headers.set('content-length', String((await c.res.clone().arrayBuffer()).byteLength));
}

export const headLength: MiddlewareHandler = (c, next) => (c.req.method === 'HEAD' ? measured(c, next) : next());
