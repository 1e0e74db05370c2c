// POST /unsubscribe?token=…: the RFC 8058 one-click unsubscribe. A mail provider
// (Gmail's "Unsubscribe" button) POSTs `List-Unsubscribe=One-Click` to the exact URL
// of the List-Unsubscribe header, from its own servers: no Origin of ours, no
// cookies. The token in the URL is the authorization (server/app.ts exempts this
// one path from the same-origin check). Answered in plain text, for a machine.
//
// The /unsubscribe page's own form posts to the same path with the token in its
// body instead; without a token in the URL this hands over to that form's route.
import type { Context as HonoContext, Next } from 'hono';
import { TRPCError } from '@trpc/server';
import type { Caller } from '../../routers/index.ts';
import { plainText } from '../plain-text.ts';

export function oneClickUnsubscribe(callerFor: (c: HonoContext<any>) => Promise<Caller>) {
  return async (c: HonoContext<any>, next: Next) => {
    const token = c.req.query('token');
    if (token === undefined) return next();
    try {
      await (await callerFor(c)).email.unsubscribe({ token });
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return plainText(error.message, 400);
      throw error;
    }
    return plainText('Unsubscribed: no more marketing email will be sent to this address.', 200);
  };
}
