// Test-only Worker: the production CartObject and the durable CartStore adapter,
// with each CartStore operation exposed as `POST /<operation>` taking its
// arguments as a JSON array (a merge's maxQuantity map as entries), and each
// CartObject method as `POST /object/<method>` with `[cartId, ...arguments]`
// (to replay the steps of a merge as a retry would).
import type { CartStore } from '../../routers/ports.ts';
import { durableCartStore } from '../cart-store.ts';
import type { Env } from '../env.ts';

export { CartObject } from '../cart-object.ts';

type Operation = keyof CartStore;
const OPERATIONS: Operation[] = ['get', 'add', 'setQuantity', 'remove', 'clear', 'merge'];
const OBJECT_METHODS = ['snapshot', 'absorb', 'release'] as const;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/object/')) {
      const method = pathname.slice('/object/'.length) as (typeof OBJECT_METHODS)[number];
      if (!OBJECT_METHODS.includes(method)) return new Response('unknown method', { status: 404 });
      const [cartId, ...args] = (await request.json()) as [string, ...unknown[]];
      const cart = env.CART.getByName(cartId) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return Response.json((await cart[method]!(...args)) ?? null);
    }
    const store = durableCartStore(env.CART);
    const operation = pathname.slice(1) as Operation;
    if (!OPERATIONS.includes(operation)) return new Response('unknown operation', { status: 404 });
    const args = (await request.json()) as unknown[];
    if (operation === 'merge') {
      const limits = args[2] as { maxQuantity: [number, number][]; maxLines: number };
      args[2] = { ...limits, maxQuantity: new Map(limits.maxQuantity) };
    }
    const result = await (store[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
    return Response.json(result ?? null);
  },
};
