// The CartStore contract, run against the local (cart_items table) adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { localCartStore } from '../../server/local/cart-store.ts';
import { manualClock } from '../../server/testing/clock.ts';
import { cartStoreContract } from './cart-store.contract.ts';

cartStoreContract('local cart_items table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gomall-cart-store-'));
  const { db } = await openDatabase(`file:${join(dir, 'carts.db')}`);
  await migrateToLatest(db);
  return {
    store: localCartStore(db, manualClock()),
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
