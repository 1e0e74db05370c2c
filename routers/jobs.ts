// Every background job's handler, registered once: each scheduler adapter (the
// local jobs table, QStash, a Durable Object alarm) runs these same functions.
// Payloads are checked here, as they come back from storage or the network.
import * as v from 'valibot';
import type { AppDeps } from './context.ts';
import { fanOutCampaign } from './email/campaign.ts';
import { sendEmail } from './email/send.ts';
import { expireOrder } from './order/cancel.ts';
import type { JobName } from './ports.ts';

export type JobHandler = (deps: AppDeps, payload: unknown) => Promise<void>;

const orderPayload = v.object({ orderId: v.pipe(v.number(), v.integer()) });

export const jobHandlers: Record<JobName, JobHandler> = {
  'order.expire': (deps, payload) => expireOrder(deps, v.parse(orderPayload, payload).orderId),
  'email.send': sendEmail,
  'campaign.fanout': (deps, payload) => fanOutCampaign(deps, payload),
};

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobHandlers, name);
