// admin.campaign.*: marketing campaigns — write, preview, send (once), and follow
// how many emails are queued, sent and failed.
import * as v from 'valibot';
import { id, noControlCharacters, page } from '../shared/schemas.ts';
import { adminProcedure, router } from '../trpc.ts';
import { createCampaign, getCampaign, listCampaigns, previewCampaign, sendCampaign } from './campaign.ts';

const MAX_BODY = 100_000;

const body = (what: string) =>
  v.pipe(
    v.string('must be text'),
    noControlCharacters({ multiline: true }),
    v.check((s) => s.trim().length > 0, 'is required'),
    v.maxLength(MAX_BODY, `must be at most ${MAX_BODY.toLocaleString('en-US')} characters of ${what}`),
  );

export const campaignInput = v.object({
  subject: v.pipe(v.string('must be text'), v.trim(), noControlCharacters(), v.nonEmpty('is required'), v.maxLength(200, 'must be at most 200 characters')),
  html: body('HTML'),
  text: body('text'),
});

export const campaignAdminRouter = router({
  list: adminProcedure.input(v.optional(v.object({ page }), {})).query(({ ctx, input }) => listCampaigns(ctx.db, input)),
  get: adminProcedure.input(v.object({ id })).query(({ ctx, input }) => getCampaign(ctx.db, input.id)),
  /** The campaign framed as a subscriber gets it, before it is saved (the compose page's live preview). */
  preview: adminProcedure.input(campaignInput).query(({ ctx, input }) => previewCampaign(ctx.config, input)),
  create: adminProcedure.input(campaignInput).mutation(({ ctx, input }) => createCampaign(ctx.db, input, ctx.clock.now())),
  send: adminProcedure.input(v.object({ id })).mutation(({ ctx, input }) => sendCampaign(ctx, input.id)),
});
