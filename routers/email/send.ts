// The email.send job: every email leaves through the scheduler, never inline in a
// request, so a slow or failing provider never fails a checkout; the job's retries
// with backoff cover a provider that is down for a while.
import * as v from 'valibot';
import type { AppDeps } from '../context.ts';
import type { MailMessage } from '../ports.ts';

export const mailMessage = v.object({
  to: v.string(),
  subject: v.string(),
  html: v.string(),
  text: v.string(),
  headers: v.optional(v.record(v.string(), v.string())),
});

/** Queues a message; `key` makes queuing it twice (a retried job, a double click) send it once. */
export function queueEmail(deps: Pick<AppDeps, 'scheduler'>, message: MailMessage, key?: string): Promise<void> {
  return deps.scheduler.schedule('email.send', message, { delaySeconds: 0, ...(key && { key: `email:${key}` }) });
}

/** The job handler. */
export async function sendEmail(deps: Pick<AppDeps, 'mail'>, payload: unknown): Promise<void> {
  await deps.mail.send(v.parse(mailMessage, payload));
}
