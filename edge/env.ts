// The Worker's bindings and variables: `Env` is generated from wrangler.toml and
// .dev.vars.example by `npm run types` (edge/worker-configuration.ts); the names
// below are what the adapters take from it.
import type { DurableObjectStub } from '@cloudflare/workers-types';
import type { CartObject } from './cart-object.ts';
import type { OrderTimer } from './order-timer.ts';
import type { Env } from './worker-configuration.ts';

export type { Env };
export type CartObjectNamespace = Env['CART'];
export type CartStub = DurableObjectStub<CartObject>;
export type OrderTimerNamespace = Env['ORDER_TIMER'];
export type OrderTimerStub = DurableObjectStub<OrderTimer>;
