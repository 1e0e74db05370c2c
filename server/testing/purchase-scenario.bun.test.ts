// The purchase scenario on Bun: `npm start` (server/main.ts), the local job runner.
import { localShopProcess } from './local-shop-process.ts';
import { purchaseScenario } from './purchase-scenario.ts';
import { startBun } from './server-process.ts';

purchaseScenario('Bun (npm start)', () => localShopProcess(startBun));
