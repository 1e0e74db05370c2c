// `npm run seed`: migrates an embedded database, then seeds the catalog and the
// administrator account (both idempotent), with progress.
import { readConfig } from '../../routers/config.ts';
import { consoleLogger } from '../logger.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedAdmin } from './admin.ts';
import { seedCatalog } from './catalog.ts';

const config = readConfig(process.env, process.env.NODE_ENV === 'production' ? 'production' : 'development');
const { db, embedded } = await openDatabase(config.databaseUrl, config.databaseAuthToken);
if (embedded) await migrateToLatest(db);
const { products } = await seedCatalog(db, Date.now(), (done, total) => console.log(`seeding products ${done}/${total}`));
await seedAdmin(db, config, consoleLogger, Date.now());
console.log(`seed done: ${products} new products in ${config.databaseUrl}`);
await db.destroy();
