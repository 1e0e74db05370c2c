// Reading the mailbox table, where the `mailbox` transport keeps every message it
// "sends": newest first, a page at a time, and one message with both its parts.
// Shown at /dev/mailbox (development and test only) and /admin/mailbox.
import type { Db } from '../ports.ts';
import { DomainError, type ErrorKind } from '../domain-error.ts';
import type { Paged } from '../shared/schemas.ts';

const PAGE_SIZE = 20;

export type MailboxErrorCode = 'MESSAGE_NOT_FOUND' | 'MAILBOX_UNAVAILABLE';

const KINDS: Record<MailboxErrorCode, ErrorKind> = {
  MESSAGE_NOT_FOUND: 'NOT_FOUND',
  // The development mailbox does not exist in production: it answers as an unknown page would.
  MAILBOX_UNAVAILABLE: 'NOT_FOUND',
};

export class MailboxError extends DomainError<MailboxErrorCode> {
  override name = 'MailboxError';
  get kind() {
    return KINDS[this.code];
  }
}

export interface MailboxEntry {
  id: number;
  to: string;
  from: string;
  subject: string;
  sentAt: number;
}

export interface MailboxMessage extends MailboxEntry {
  html: string;
  text: string;
  headers: Record<string, string>;
}

export async function listMailbox(db: Db, { page }: { page: number }): Promise<Paged<MailboxEntry>> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('mailbox')
      .select(['id', 'to', 'from', 'subject', 'sentAt'])
      .orderBy('id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    db.selectFrom('mailbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n), page, pageSize: PAGE_SIZE };
}

export async function getMessage(db: Db, id: number): Promise<MailboxMessage> {
  const row = await db.selectFrom('mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new MailboxError('MESSAGE_NOT_FOUND', 'There is no such message.');
  const { headers, ...rest } = row;
  return { ...rest, headers: parseHeaders(headers) };
}

function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
