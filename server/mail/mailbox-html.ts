// The HTML part of a stored message, for the mailbox pages' sandboxed frame:
// /dev/mailbox/:id/html (development and test mode) and /admin/mailbox/:id/html
// (admins). It is served on its own, with a policy stricter than the pages' own:
// inline styles (every email has them) and images, nothing else — no script, no
// request, no form, no plugin — and a sandbox even when opened directly.
import { TRPCError } from '@trpc/server';
import type { Context as HonoContext } from 'hono';
import type { Caller } from '../../routers/index.ts';
import { plainText } from '../plain-text.ts';

export const EMAIL_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: https:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

const STATUS: Partial<Record<TRPCError['code'], number>> = { NOT_FOUND: 404, BAD_REQUEST: 404, UNAUTHORIZED: 401, FORBIDDEN: 403 };

/** `callerFor`: the request's tRPC caller, so the procedures decide who may read (mode, admin role). */
export function mailboxHtml(callerFor: (c: HonoContext<any>) => Promise<Caller>) {
  return async (c: HonoContext<any>) => {
    const id = Number(c.req.param('id'));
    const caller = await callerFor(c);
    let html: string;
    try {
      const message = c.req.path.startsWith('/admin/') ? await caller.admin.mailbox.get({ id }) : await caller.email.message({ id });
      html = message.html;
    } catch (error) {
      const status = error instanceof TRPCError ? STATUS[error.code] : undefined;
      if (status) return plainText(status === 404 ? 'Not found' : error instanceof TRPCError ? error.message : '', status);
      throw error;
    }
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': EMAIL_POLICY,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      },
    });
  };
}
