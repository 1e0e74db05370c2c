// email.*: the development mailbox, public in development and test mode so a
// developer (or a browser test) can read what the shop sent without an account.
// In production it does not exist: every call answers NOT_FOUND.
// Also the unsubscribe link of marketing email: public, authorized by its token.
import * as v from 'valibot';
import { id, page } from '../shared/schemas.ts';
import { publicProcedure, router } from '../trpc.ts';
import { getMessage, listMailbox, MailboxError } from './mailbox.ts';
import { unsubscribe, unsubscribeLink } from './unsubscribe.ts';

const tokenInput = v.object({ token: v.pipe(v.string('must be text'), v.maxLength(2000, 'is too long')) });

const devOnly = publicProcedure.use(({ ctx, next }) => {
  if (ctx.config.mode === 'production') throw new MailboxError('MAILBOX_UNAVAILABLE', 'There is no development mailbox in production.');
  return next();
});

export const emailRouter = router({
  mailbox: devOnly.input(v.optional(v.object({ page }), {})).query(({ ctx, input }) => listMailbox(ctx.db, input)),
  message: devOnly.input(v.object({ id })).query(({ ctx, input }) => getMessage(ctx.db, input.id)),
  /** What an unsubscribe link is: whose, and still subscribed or not; or invalid, or expired. Changes nothing. */
  unsubscribeLink: publicProcedure.input(tokenInput).query(({ ctx, input }) => unsubscribeLink(ctx.db, ctx.config.secret, input.token, ctx.clock.now())),
  /** Turns marketing email off for the link's user (idempotent); refuses a tampered or expired link. */
  unsubscribe: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    await unsubscribe(ctx.db, ctx.config.secret, input.token, ctx.clock.now());
    return null;
  }),
});
