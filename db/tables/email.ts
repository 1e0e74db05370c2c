// Email tables: stored messages (mailbox transport), campaigns, password resets,
// and QStash message ids by scheduler key. Timestamps are epoch milliseconds.
import type { Generated } from 'kysely';

export interface MailboxTable {
  id: Generated<number>;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  /** JSON object of extra headers (List-Unsubscribe…). */
  headers: Generated<string>;
  sentAt: number;
}

export interface CampaignTable {
  id: Generated<number>;
  subject: string;
  html: string;
  text: string;
  status: 'draft' | 'sending' | 'sent';
  queuedCount: Generated<number>;
  sentCount: Generated<number>;
  failedCount: Generated<number>;
  createdAt: number;
  sentAt: number | null;
}

export interface PasswordResetTable {
  /** SHA-256 (hex) of the token in the emailed link. */
  tokenHash: string;
  userId: number;
  expiresAt: number;
  usedAt: number | null;
  createdAt: number;
}

export interface ScheduledMessageTable {
  key: string;
  messageId: string;
  createdAt: number;
}
