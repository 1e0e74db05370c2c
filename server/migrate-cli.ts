// `npm run db:migrate`: applies pending migrations to DATABASE_URL (embedded or remote).
import { readConfig } from '../routers/config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

const config = readConfig();
const { db } = await openDatabase(config.databaseUrl, config.databaseAuthToken);
const applied = await migrateToLatest(db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await db.destroy();
