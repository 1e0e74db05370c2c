// The purchase scenario on Deno: `npm run start:deno` (server/deno.ts), the local job runner.
import { localShopProcess } from './local-shop-process.ts';
import { purchaseScenario } from './purchase-scenario.ts';
import { startDeno } from './server-process.ts';

purchaseScenario('Deno (npm run start:deno)', () => localShopProcess(startDeno));
