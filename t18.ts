import { createTestShop } from './server/testing/test-shop.ts';
import { sql } from 'kysely';
const shop = await createTestShop();
const api = shop.caller();
const t = performance.now(); for (let i = 0; i < 300; i++) await api.product.suggest({ q: 'co' }); console.log('suggest', ((performance.now() - t) / 300).toFixed(3));
await shop.close();
