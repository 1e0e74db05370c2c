// email.*: the development mailbox, public in development and test mode so a
// developer (or a browser test) can read what the shop sent without an account.
// In production it does not exist: every call answers NOT_FOUND.
import * as v from 'valibot';
import { id, page } from '../shared/schemas.ts';
import { publicProcedure, router } from '../trpc.ts';
import { getMessage, listMailbox, MailboxError } from './mailbox.ts';

const devOnly = publicProcedure.use(({ ctx, next }) => {
  if (ctx.config.mode === 'production') throw new MailboxError('MAILBOX_UNAVAILABLE', 'There is no development mailbox in production.');
  return next();
});

export const emailRouter = router({
  mailbox: devOnly.input(v.optional(v.object({ page }), {})).query(({ ctx, input }) => listMailbox(ctx.db, input)),
  message: devOnly.input(v.object({ id })).query(({ ctx, input }) => getMessage(ctx.db, input.id)),
});
