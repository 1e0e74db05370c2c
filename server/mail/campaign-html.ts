// A campaign's HTML as a subscriber's mail client shows it, for the admin campaign
// pages' sandboxed frame, under the same strict policy as stored emails
// (EMAIL_POLICY): GET /admin/campaigns/:id/html (a saved campaign) and POST
// /admin/campaigns/preview (the compose form's fields, posted into the frame: the
// live preview while writing, and the Preview button without JavaScript).
import { TRPCError } from '@trpc/server';
import type { Context as HonoContext } from 'hono';
import type { Caller } from '../../routers/index.ts';
import { plainText } from '../plain-text.ts';
import { EMAIL_POLICY } from './mailbox-html.ts';

const STATUS: Partial<Record<TRPCError['code'], number>> = { NOT_FOUND: 404, UNAUTHORIZED: 401, FORBIDDEN: 403 };

type CallerFor = (c: HonoContext<any>) => Promise<Caller>;

/** The framed HTML of a page of the frame: the email, or a line saying why there is none. */
function framed(html: string, status = 200) {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': EMAIL_POLICY,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** Access refusals and unknown campaigns as plain answers; anything else is the shop's fault. */
function refused(error: unknown): Response {
  const status = error instanceof TRPCError ? STATUS[error.code] : undefined;
  if (!status) throw error;
  return plainText(status === 404 ? 'Not found' : (error as TRPCError).message, status);
}

export function campaignHtml(callerFor: CallerFor) {
  return async (c: HonoContext<any>) => {
    const caller = await callerFor(c);
    try {
      const campaign = await caller.admin.campaign.get({ id: Number(c.req.param('id')) });
      return framed((await caller.admin.campaign.preview({ subject: campaign.subject, html: campaign.html, text: campaign.text })).html);
    } catch (error) {
      return refused(error);
    }
  };
}

const EMPTY_BODY = '<p style="color:#6b7280">The body of the email shows here as you write its HTML.</p>';
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const note = (text: string) => `<!doctype html><p style="font-family:sans-serif;color:#6b7280;padding:16px">${escapeText(text)}</p>`;

export function campaignPreview(callerFor: CallerFor) {
  return async (c: HonoContext<any>) => {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return plainText('Expected a form submission.', 400);
    }
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const caller = await callerFor(c);
    try {
      // Only the HTML part is shown: a campaign still being written may lack the rest.
      const html = field('html').trim() ? field('html') : EMPTY_BODY;
      const input = { subject: field('subject').trim() || 'Subject', html, text: field('text').trim() || 'Text' };
      return framed((await caller.admin.campaign.preview(input)).html);
    } catch (error) {
      // Nothing written yet (or too much): say so in the frame rather than show an error page.
      if (error instanceof TRPCError && error.code === 'BAD_REQUEST') {
        return framed(note(error.message));
      }
      return refused(error);
    }
  };
}
