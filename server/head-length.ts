// HEAD is answered by the GET route with its body dropped, and Bun then says
// `content-length: 0`: give the length the GET body has (compressed or not, as sent).
import type { MiddlewareHandler } from 'hono';

export const headLength: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'HEAD' || !c.res.body || c.res.headers.has('content-length')) return;
  const length = (await c.res.clone().arrayBuffer()).byteLength;
  c.res.headers.set('content-length', String(length));
};
