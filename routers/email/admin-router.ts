// admin.mailbox.*: the messages the mailbox transport stored, for administrators
// (in every mode: a shop may run on MAIL_TRANSPORT=mailbox before it has a provider).
import * as v from 'valibot';
import { id, page } from '../shared/schemas.ts';
import { adminProcedure, router } from '../trpc.ts';
import { getMessage, listMailbox } from './mailbox.ts';

export const mailboxAdminRouter = router({
  list: adminProcedure.input(v.optional(v.object({ page }), {})).query(({ ctx, input }) => listMailbox(ctx.db, input)),
  get: adminProcedure.input(v.object({ id })).query(({ ctx, input }) => getMessage(ctx.db, input.id)),
});
