// Whether a request's Accept-Encoding takes gzip: named (in any case) with a quality
// above 0, or not named and allowed by "*" (RFC 9110 12.5.3), as Hono's compress decides.
import { parseAccept } from 'hono/utils/accept';

export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const named = accepts.find((accept) => accept.type.toLowerCase() === 'gzip');
  if (named) return named.q > 0;
  return (accepts.find((accept) => accept.type === '*')?.q ?? 0) > 0;
}
