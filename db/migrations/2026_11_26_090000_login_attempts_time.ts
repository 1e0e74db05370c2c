import type { Kysely } from 'kysely';

// Every sign-in attempt deletes all expired login_attempts rows by time alone;
// the (key, attemptedAt) index cannot serve that, so it would scan the table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('login_attempts_time').on('login_attempts').column('attemptedAt').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_attempts_time').execute();
}
