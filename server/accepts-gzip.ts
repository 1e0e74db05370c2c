// Whether a request's Accept-Encoding takes gzip (by name or by *, with a quality above 0).
import { parseAccept } from 'hono/utils/accept';

export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return parseAccept(header).some((accept) => (accept.type === 'gzip' || accept.type === '*') && accept.q > 0);
}
