// CartStore over the `cart_items` table. Every write is one statement or one
// transaction, so concurrent adds on one cart never lose an update.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { mergeChanges } from '../../routers/cart/merge-rule.ts';
import type { CartLimits, CartLine, CartStore, CartWrite, Clock, MergeLimits } from '../../routers/ports.ts';

export function localCartStore(db: Db, clock: Clock): CartStore {
  const get = (cartId: string): Promise<CartLine[]> =>
    db.selectFrom('cart_items').select(['productId', 'quantity']).where('cartId', '=', cartId).orderBy('id').execute();

  // Inserts the line only while the cart has room (or already holds the product);
  // on conflict `onConflict` decides the new quantity. No row back means full.
  async function upsert(cartId: string, productId: number, quantity: number, limits: CartLimits, onConflict: RawBuilder<unknown>): Promise<CartWrite> {
    const now = clock.now();
    const { rows } = await sql<CartLine>`
      INSERT INTO cart_items ("cartId", "productId", quantity, "createdAt", "updatedAt")
      SELECT ${cartId}, ${productId}, min(${quantity}, ${limits.maxQuantity}), ${now}, ${now}
      WHERE EXISTS (SELECT 1 FROM cart_items WHERE "cartId" = ${cartId} AND "productId" = ${productId})
         OR (SELECT count(*) FROM cart_items WHERE "cartId" = ${cartId}) < ${limits.maxLines}
      ON CONFLICT ("cartId", "productId") DO UPDATE SET quantity = ${onConflict}, "updatedAt" = excluded."updatedAt"
      RETURNING "productId", quantity
    `.execute(db);
    return rows[0] ? { ok: true, line: { productId: rows[0].productId, quantity: rows[0].quantity } } : { ok: false, code: 'CART_FULL' };
  }

  const deleteLine = (cartId: string, productId: number) =>
    db.deleteFrom('cart_items').where('cartId', '=', cartId).where('productId', '=', productId).execute();

  return {
    get,

    add: (cartId, productId, quantity, limits) =>
      upsert(cartId, productId, quantity, limits, sql`min(quantity + excluded.quantity, ${limits.maxQuantity})`),

    async setQuantity(cartId, productId, quantity, limits) {
      if (quantity > 0) return upsert(cartId, productId, quantity, limits, sql`excluded.quantity`);
      await deleteLine(cartId, productId);
      return { ok: true, line: { productId, quantity: 0 } };
    },

    async remove(cartId, productId) {
      await deleteLine(cartId, productId);
      return get(cartId);
    },

    async clear(cartId) {
      await db.deleteFrom('cart_items').where('cartId', '=', cartId).execute();
    },

    async countOpen(since) {
      const { n } = await db
        .selectFrom('cart_items')
        .select((eb) => eb.fn.count<number>('cartId').distinct().as('n'))
        .where('updatedAt', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    async merge(fromCartId, toCartId, limits: MergeLimits) {
      if (fromCartId === toCartId) return get(toCartId);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const lines = (cartId: string) =>
          trx.selectFrom('cart_items').select(['productId', 'quantity']).where('cartId', '=', cartId).orderBy('id').execute();
        const { insert, update } = mergeChanges(await lines(toCartId), await lines(fromCartId), limits);
        for (const line of insert) {
          await trx.insertInto('cart_items').values({ cartId: toCartId, ...line, createdAt: now, updatedAt: now }).execute();
        }
        for (const line of update) {
          await trx
            .updateTable('cart_items')
            .set({ quantity: line.quantity, updatedAt: now })
            .where('cartId', '=', toCartId)
            .where('productId', '=', line.productId)
            .execute();
        }
        await trx.deleteFrom('cart_items').where('cartId', '=', fromCartId).execute();
      });
      return get(toCartId);
    },
  };
}
