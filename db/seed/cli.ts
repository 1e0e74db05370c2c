// `npm run seed`: migrates, then seeds the catalog (idempotent), with progress.
import { readConfig } from '../../server/config.ts';
import { openDatabase } from '../client.ts';
import { migrateToLatest } from '../migrate.ts';
import { seedCatalog } from './catalog.ts';

const config = readConfig();
const { db, embedded } = await openDatabase(config.databaseUrl, config.databaseAuthToken);
if (embedded) await migrateToLatest(db);
const { products } = await seedCatalog(db, Date.now(), (done, total) => console.log(`seeding products ${done}/${total}`));
console.log(`seed done: ${products} new products in ${config.databaseUrl}`);
await db.destroy();
