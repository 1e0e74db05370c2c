// POST /jobs/:name: where QStash delivers the jobs the QStash scheduler published
// (server/qstash-scheduler.ts). Nothing is read from the request but its raw body
// until the Upstash-Signature over that body and this exact URL checks out with the
// current or next signing key; then the job's handler runs (routers/jobs.ts, the
// same functions the local runner calls). A handler that throws answers 500, so
// QStash retries it with its backoff. Without signing keys the route does not exist.
import { Receiver } from '@upstash/qstash';
import type { Context as HonoContext } from 'hono';
import type { AppDeps } from '../routers/context.ts';
import { jobHandlers, type JobHandler } from '../routers/jobs.ts';
import type { JobName } from '../routers/ports.ts';
import type { Logger } from './logger.ts';
import { plainText } from './plain-text.ts';
import { printable } from './request-log.ts';

export interface JobsWebhookOptions {
  deps: AppDeps;
  logger: Logger;
  /** The job handlers (tests may pass their own). */
  handlers?: Partial<Record<JobName, JobHandler>>;
}

type Env = { Variables: { requestId: string } };

export function jobsWebhook({ deps, logger, handlers = jobHandlers }: JobsWebhookOptions) {
  const { qstashCurrentSigningKey, qstashNextSigningKey, publicUrl } = deps.config;
  const receiver =
    qstashCurrentSigningKey && qstashNextSigningKey
      ? new Receiver({ currentSigningKey: qstashCurrentSigningKey, nextSigningKey: qstashNextSigningKey, devMode: false })
      : undefined;

  return async (c: HonoContext<Env>): Promise<Response> => {
    // The local scheduler needs no webhook: without keys, nobody could call it legitimately.
    if (!receiver) return plainText('Not found', 404);
    const name = c.req.param('name') ?? '';
    const body = await c.req.text();
    const signature = c.req.header('upstash-signature');
    if (!signature || !(await verified(receiver, { signature, body, url: `${publicUrl}/jobs/${name}` }))) {
      return plainText('Invalid or missing Upstash-Signature.', 401);
    }
    const handler = Object.hasOwn(handlers, name) ? handlers[name as JobName] : undefined;
    if (!handler) return plainText(`No job is named ${printable(name)}.`, 404);
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return plainText('The job payload is not JSON.', 400);
    }
    try {
      await handler(deps, payload);
      deps.metrics?.count('job.succeeded', name);
    } catch (error) {
      deps.metrics?.count('job.failed', name);
      const id = c.get('requestId');
      const message = printable(c.req.header('upstash-message-id') ?? '?');
      const retried = printable(c.req.header('upstash-retried') ?? '0');
      logger.error(`job ${name} failed (QStash message ${message}, retried ${retried}), request ${id}`, error, { requestId: id, job: name });
      return plainText(`The job failed (request ${id}); QStash will retry it.`, 500);
    }
    return plainText('OK', 200);
  };
}

/** Whether the signature is QStash's for this body and URL (bad, expired or foreign ones are all just false). */
async function verified(receiver: Receiver, request: { signature: string; body: string; url: string }): Promise<boolean> {
  try {
    return await receiver.verify(request);
  } catch {
    return false;
  }
}
