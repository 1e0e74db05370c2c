// Reading orders: a shopper's own (someone else's order reads as not found, so
// its existence does not leak) and, for admins, any order.
import type { Db } from '../../db/database.ts';
import type { OrderStatus } from '../../db/tables/order.ts';
import type { ShippingAddress } from '../checkout/place-order.ts';
import type { Paged } from '../shared/schemas.ts';
import { orderNotFound } from './errors.ts';

const PAGE_SIZE = 20;

export interface OrderSummary {
  id: number;
  userId: number;
  email: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  itemCount: number;
  createdAt: number;
  expiresAt: number;
}

export async function listOrders(
  db: Db,
  { userId, status, q, page }: { userId?: number; status?: OrderStatus; q?: string; page: number },
): Promise<Paged<OrderSummary>> {
  let query = db.selectFrom('orders as o');
  if (userId !== undefined) query = query.where('o.userId', '=', userId);
  if (status) query = query.where('o.status', '=', status);
  const search = q?.trim();
  if (search) {
    query = query.where((eb) =>
      /^#?\d+$/.test(search) ? eb('o.id', '=', Number(search.replace('#', ''))) : eb('o.email', 'like', `%${search.replace(/[%_]/g, '')}%`),
    );
  }
  const [items, count] = await Promise.all([
    query
      .select(['o.id', 'o.userId', 'o.email', 'o.status', 'o.totalCents', 'o.currency', 'o.createdAt', 'o.expiresAt'])
      .select((eb) => eb.selectFrom('order_lines').whereRef('orderId', '=', 'o.id').select((l) => l.fn.sum<number>('quantity').as('n')).as('itemCount'))
      .orderBy('o.id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((o) => ({ ...o, itemCount: Number(o.itemCount ?? 0) })), total: count.n, page, pageSize: PAGE_SIZE };
}

/** The whole order; `userId` limits it to that shopper's own. */
export async function getOrder(db: Db, orderId: number, userId?: number) {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (userId !== undefined) query = query.where('userId', '=', userId);
  const order = await query.executeTakeFirst();
  if (!order) throw orderNotFound();
  const [lines, payments, history] = await Promise.all([
    db
      .selectFrom('order_lines')
      .select(['productId', 'slug', 'name', 'imageUrl', 'unitPriceCents', 'quantity', 'lineTotalCents'])
      .where('orderId', '=', orderId)
      .orderBy('id')
      .execute(),
    listPayments(db, orderId),
    db.selectFrom('order_events').select(['fromStatus', 'toStatus', 'reason', 'at']).where('orderId', '=', orderId).orderBy('id').execute(),
  ]);
  const { chargingUntil: _lease, shippingAddress, ...rest } = order;
  return { ...rest, shippingAddress: JSON.parse(shippingAddress) as ShippingAddress, lines, payments, history };
}

export function listPayments(db: Db, orderId: number) {
  return db
    .selectFrom('payments')
    .select(['id', 'status', 'brand', 'last4', 'amountCents', 'currency', 'transactionId', 'declineCode', 'createdAt'])
    .where('orderId', '=', orderId)
    .orderBy('id')
    .execute();
}
