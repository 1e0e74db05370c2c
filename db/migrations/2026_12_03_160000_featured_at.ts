import type { Kysely } from 'kysely';

// When a product was last featured, so the home page shows what an admin featured
// most recently first. Products featured before this column stay NULL (listed after
// those with a date, in catalog order).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('products').addColumn('featuredAt', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('featuredAt').execute();
}
