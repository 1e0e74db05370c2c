// Accounts for the write scenarios, made straight in the database before the shop
// starts (registering thousands through the API would benchmark PBKDF2 instead):
// each a user row, a live session and its signed cookie, exactly as a sign-in
// leaves them. Buyers also get a cart with one line, ready to check out once.
import type { Db } from '../../db/database.ts';
import { SESSION_COOKIE } from '../../routers/user/cookie.ts';
import { signSessionToken } from '../../routers/user/jwt.ts';
import { SESSION_TTL_MS } from '../../routers/user/session.ts';
import { userCartId } from '../../routers/cart/cart-id.ts';

/** Stock of the products the write scenarios buy: more than any run can sell. */
export const BENCH_STOCK = 10_000_000;
const ROWS = 500;

export interface Shopper {
  userId: number;
  email: string;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
}

/** Products the write scenarios add and buy, given stock no run can exhaust. Returns their ids. */
export async function stockUp(db: Db, count: number): Promise<number[]> {
  const rows = await db.selectFrom('products').select('id').where('active', '=', 1).orderBy('id').limit(count).execute();
  const ids = rows.map((r) => r.id);
  await db.updateTable('products').set({ stock: BENCH_STOCK }).where('id', 'in', ids).execute();
  return ids;
}

/** `count` signed-in accounts named `<prefix>-<n>@bench.gomall.local`. */
export async function createShoppers(db: Db, secret: string, prefix: string, count: number, now: number): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  for (let start = 0; start < count; start += ROWS) {
    const batch = Array.from({ length: Math.min(ROWS, count - start) }, (_, i) => `${prefix}-${start + i}@bench.gomall.local`);
    const users = await db
      .insertInto('users')
      // Never signs in with a password: the hash matches none.
      .values(batch.map((email) => ({ email, passwordHash: 'bench:no-password', name: 'Bench Shopper', createdAt: now, updatedAt: now })))
      .returning(['id', 'email'])
      .execute();
    const sessions = users.map((u) => ({ id: crypto.randomUUID(), userId: u.id, createdAt: now, expiresAt: now + SESSION_TTL_MS, revokedAt: null }));
    await db.insertInto('sessions').values(sessions).execute();
    for (const [i, user] of users.entries()) {
      const session = sessions[i]!;
      const token = await signSessionToken(secret, { userId: user.id, sessionId: session.id }, now, session.expiresAt);
      shoppers.push({ userId: user.id, email: user.email, cookie: `${SESSION_COOKIE}=${token}` });
    }
  }
  return shoppers;
}

/** Puts one line (product, quantity) in each shopper's cart. */
export async function fillCarts(db: Db, lines: { shopper: Shopper; productId: number; quantity: number }[], now: number): Promise<void> {
  for (let start = 0; start < lines.length; start += ROWS) {
    await db
      .insertInto('cart_items')
      .values(
        lines.slice(start, start + ROWS).map(({ shopper, productId, quantity }) => ({
          cartId: userCartId(shopper.userId),
          productId,
          quantity,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  }
}
