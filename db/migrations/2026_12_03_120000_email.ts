import { sql, type Kysely } from 'kysely';

// Email: the mailbox transport's stored messages, marketing campaigns, password
// reset tokens, and the QStash scheduler's key → message id map (for cancel).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mailbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('from', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}')) // JSON
    .addColumn('sentAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailbox_to').on('mailbox').columns(['to', 'id']).execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'sending', 'sent')`))
    .addColumn('queuedCount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sentCount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failedCount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .addColumn('sentAt', 'integer')
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey()) // SHA-256 of the emailed token; the token itself is never stored
    .addColumn('userId', 'integer', (c) => c.notNull())
    .addColumn('expiresAt', 'integer', (c) => c.notNull())
    .addColumn('usedAt', 'integer')
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('userId').execute();

  await db.schema
    .createTable('scheduled_messages')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('messageId', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['scheduled_messages', 'password_resets', 'campaigns', 'mailbox']) await db.schema.dropTable(table).execute();
}
