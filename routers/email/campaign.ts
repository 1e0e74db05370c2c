// Marketing campaigns: an admin writes one (subject, HTML, plain text), previews it
// in the shop's email frame, and sends it to every user who opted in.
//
// Sending is one conditional update (draft → sending), so a double click or a second
// call sends nothing more; then a `campaign.fanout` job queues one `email.send` per
// opted-in user, a batch at a time: each run takes the next users after a cursor (by
// id) and schedules the next run with the new cursor. Every email is keyed
// `campaign:<id>:<userId>` and every batch `campaign.fanout:<id>:<cursor>`, so a
// retried batch queues nothing twice. When a batch comes back short, the campaign
// is `sent` (every email queued).
//
// Counts: `queued` is written by the fan-out (a running total carried in the job's
// payload, so a retried batch does not count twice); `sent` and `failed` are read
// from the email jobs themselves (the jobs table: done and failed jobs under the
// campaign's keys), so they are exact whenever the runner retries or gives up.
import { sql } from 'kysely';
import * as v from 'valibot';
import type { CampaignTable } from '../../db/tables/email.ts';
import type { Config } from '../config.ts';
import type { AppDeps } from '../context.ts';
import { DomainError, type ErrorKind } from '../domain-error.ts';
import type { Db, MailMessage } from '../ports.ts';
import { id } from '../shared/schemas.ts';
import type { Paged } from '../shared/schemas.ts';
import { framedEmail } from './layout.ts';
import { campaignEmail } from './messages.ts';
import { queueEmail } from './send.ts';
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts';

/** Emails one fan-out run queues before it hands over to the next run. */
export const CAMPAIGN_BATCH_SIZE = 100;
const PAGE_SIZE = 20;

export type CampaignStatus = CampaignTable['status'];

export type CampaignErrorCode = 'CAMPAIGN_NOT_FOUND';
const KINDS: Record<CampaignErrorCode, ErrorKind> = { CAMPAIGN_NOT_FOUND: 'NOT_FOUND' };

export class CampaignError extends DomainError<CampaignErrorCode> {
  override name = 'CampaignError';
  get kind() {
    return KINDS[this.code];
  }
}

export interface CampaignInput {
  subject: string;
  html: string;
  text: string;
}

export interface CampaignCounts {
  /** Emails the fan-out has queued so far. */
  queued: number;
  /** Delivered to the mail provider (the email job is done). */
  sent: number;
  /** Gave up after the last retry (the email job failed). */
  failed: number;
}

export interface CampaignSummary {
  id: number;
  subject: string;
  status: CampaignStatus;
  createdAt: number;
  /** When an admin sent it (null for a draft). */
  sentAt: number | null;
  counts: CampaignCounts;
}

export interface Campaign extends CampaignSummary {
  html: string;
  text: string;
  /** Users who would get it if it were sent now (opted in to marketing email). */
  audience: number;
}

type Deps = Pick<AppDeps, 'db' | 'scheduler' | 'config' | 'clock'>;

/** The key every email job of the campaign is queued under (send.ts adds `email:`). */
const emailKey = (campaignId: number, userId: number) => `campaign:${campaignId}:${userId}`;
const fanOutKey = (campaignId: number, after: number) => `campaign.fanout:${campaignId}:${after}`;

export async function createCampaign(db: Db, input: CampaignInput, now: number): Promise<Campaign> {
  const { id } = await db
    .insertInto('campaigns')
    .values({ ...input, status: 'draft', createdAt: now, sentAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getCampaign(db, id);
}

/**
 * Starts sending: draft → sending in one conditional update, then the first fan-out
 * run. Sending a campaign that is already sending or sent changes nothing and
 * returns it as it is (the first run is keyed, so scheduling it again is a no-op
 * that also recovers a first call that stopped before scheduling it).
 */
export async function sendCampaign(deps: Deps, campaignId: number): Promise<Campaign> {
  await deps.db
    .updateTable('campaigns')
    .set({ status: 'sending', sentAt: deps.clock.now() })
    .where('id', '=', campaignId)
    .where('status', '=', 'draft')
    .execute();
  const campaign = await getCampaign(deps.db, campaignId);
  if (campaign.status === 'sending') await scheduleFanOut(deps, { campaignId, after: 0, queued: 0 });
  return campaign;
}

const fanOutPayload = v.object({
  campaignId: id,
  /** The last user id queued by earlier runs (users are taken in id order). */
  after: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Emails queued by earlier runs. */
  queued: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
type FanOut = v.InferOutput<typeof fanOutPayload>;

function scheduleFanOut(deps: Pick<Deps, 'scheduler'>, payload: FanOut): Promise<void> {
  return deps.scheduler.schedule('campaign.fanout', payload, { delaySeconds: 0, key: fanOutKey(payload.campaignId, payload.after) });
}

/** The `campaign.fanout` job: queues the next batch of the campaign's emails. */
export async function fanOutCampaign(deps: Deps, payload: unknown, batchSize = CAMPAIGN_BATCH_SIZE): Promise<void> {
  const { campaignId, after, queued } = v.parse(fanOutPayload, payload);
  const { db, config, clock } = deps;
  const campaign = await db.selectFrom('campaigns').select(['subject', 'html', 'text', 'status']).where('id', '=', campaignId).executeTakeFirst();
  // A draft was never sent; a sent campaign is finished: a stray run does nothing.
  if (campaign?.status !== 'sending') return;
  const users = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('marketingOptIn', '=', 1)
    .where('id', '>', after)
    .orderBy('id')
    .limit(batchSize)
    .execute();
  const now = clock.now();
  for (const user of users) {
    const message = await subscriberEmail(config, campaign, user, now);
    await queueEmail(deps, message, emailKey(campaignId, user.id));
  }
  const total = queued + users.length;
  // max(): a run retried after a later one counted never lowers the count.
  const queuedCount = sql<number>`max(${sql.ref('queuedCount')}, ${total})`;
  if (users.length === batchSize) {
    await db.updateTable('campaigns').set({ queuedCount }).where('id', '=', campaignId).execute();
    await scheduleFanOut(deps, { campaignId, after: users.at(-1)!.id, queued: total });
  } else {
    await db.updateTable('campaigns').set({ queuedCount, status: 'sent' }).where('id', '=', campaignId).where('status', '=', 'sending').execute();
  }
}

/** The campaign as one subscriber gets it: in the shop's frame, with their own unsubscribe link. */
async function subscriberEmail(config: Config, campaign: CampaignInput, user: { id: number; email: string }, now: number): Promise<MailMessage> {
  const token = await unsubscribeToken(config.secret, user.id, now);
  return framedEmail(config, user.email, campaignEmail(campaign, unsubscribeUrl(config, token)));
}

/** What the compose page previews: the campaign framed as a subscriber gets it (with a sample unsubscribe link). */
export function previewCampaign(config: Config, input: CampaignInput): MailMessage {
  return framedEmail(config, 'subscriber@example.com', campaignEmail(input, unsubscribeUrl(config, 'preview')));
}

/** Sent and failed: the statuses of the campaign's email jobs (their keys sort together: `email:campaign:<id>:…`). */
async function deliveryCounts(db: Db, campaignId: number): Promise<Pick<CampaignCounts, 'sent' | 'failed'>> {
  const prefix = `email:campaign:${campaignId}:`;
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    // Every key that starts with the prefix, read off the unique index on `key` (';' follows ':').
    .where('key', '>', prefix)
    .where('key', '<', `email:campaign:${campaignId};`)
    .where('status', 'in', ['done', 'failed'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { sent: count('done'), failed: count('failed') };
}

async function withCounts<T extends { id: number; queuedCount: number }>(db: Db, row: T) {
  const { queuedCount, ...rest } = row;
  return { ...rest, counts: { queued: queuedCount, ...(await deliveryCounts(db, row.id)) } };
}

export async function getCampaign(db: Db, campaignId: number): Promise<Campaign> {
  const row = await db
    .selectFrom('campaigns')
    .select(['id', 'subject', 'html', 'text', 'status', 'createdAt', 'sentAt', 'queuedCount'])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!row) throw new CampaignError('CAMPAIGN_NOT_FOUND', 'There is no such campaign.');
  return { ...(await withCounts(db, row)), audience: await audienceSize(db) };
}

export async function listCampaigns(db: Db, { page }: { page: number }): Promise<Paged<CampaignSummary> & { audience: number }> {
  const [rows, total, audience] = await Promise.all([
    db
      .selectFrom('campaigns')
      .select(['id', 'subject', 'status', 'createdAt', 'sentAt', 'queuedCount'])
      .orderBy('id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    db.selectFrom('campaigns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    audienceSize(db),
  ]);
  const items = await Promise.all(rows.map((row) => withCounts(db, row)));
  return { items, total: Number(total.n), page, pageSize: PAGE_SIZE, audience };
}

async function audienceSize(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('marketingOptIn', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}
