// The Worker's bindings and variables, typed once (see wrangler.toml).
import type { DurableObjectNamespace, DurableObjectStub } from '@cloudflare/workers-types';
import type { CartObject } from './cart-object.ts';

export type CartObjectNamespace = DurableObjectNamespace<CartObject>;
export type CartStub = DurableObjectStub<CartObject>;

export interface Env {
  /** One CartObject per cart id. */
  CART: CartObjectNamespace;
  /** The built client (dist/client), served by Workers static assets. */
  ASSETS: { fetch(request: Request): Promise<Response> };
  /** libSQL over HTTP (Turso): libsql:, https: or http:. */
  DATABASE_URL: string;
  /** Secrets (`wrangler secret put`): never in wrangler.toml. */
  DATABASE_AUTH_TOKEN?: string;
  SESSION_SECRET: string;
  LOW_STOCK_THRESHOLD?: string;
  ADMIN_EMAIL?: string;
}
