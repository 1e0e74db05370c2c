// Coupons: whether a code can be used on an order and what it takes off, the counted
// uses (claimed inside checkout's transaction, given back on cancel) and admin upkeep.
import type { Db, Trx } from '../../db/database.ts';
import type { Coupon } from '../../db/tables/order.ts';
import { CouponError } from './errors.ts';

/** The shape of every code that can exist (stored upper-case; schemas.ts words the refusals). */
export const COUPON_CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/;

export type CouponKind = Coupon['kind'];

/** A coupon as an admin sees it: every term, and how many unreleased uses it has. */
export type AdminCoupon = Omit<Coupon, 'active'> & { active: boolean };

export interface CouponFields {
  code: string;
  kind: CouponKind;
  percent?: number;
  amountCents?: number;
  minSubtotalCents?: number;
  startsAt?: number;
  endsAt?: number;
  maxRedemptions?: number;
  maxPerCustomer?: number;
  active?: boolean;
  description?: string;
}

/** What an admin may change after creation; null clears a date or a limit. */
export interface CouponChanges {
  active?: boolean;
  startsAt?: number | null;
  endsAt?: number | null;
  maxRedemptions?: number | null;
  maxPerCustomer?: number | null;
  minSubtotalCents?: number;
  description?: string;
}

/** Why a code cannot be used, for clients that act on it (the `problem` is what a shopper reads). */
export type CouponProblem = 'UNKNOWN' | 'INACTIVE' | 'NOT_STARTED' | 'EXPIRED' | 'USED_UP' | 'CUSTOMER_LIMIT' | 'BELOW_MINIMUM';

export type CouponEvaluation =
  | { ok: true; coupon: { id: number; code: string; description: string }; discountCents: number }
  | { ok: false; reason: CouponProblem; problem: string };

export interface OrderFacts {
  /** The shopper; null (signed out) skips the per-customer limit. */
  userId: number | null;
  subtotalCents: number;
  now: number;
}

export interface Redemption {
  couponId: number;
  userId: number;
  orderId: number;
  now: number;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Codes match case-insensitively and forgive stray spaces: stored and compared upper-case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** What the coupon takes off a subtotal: whole cents rounded down, never more than the subtotal. */
export function couponDiscount(coupon: Pick<Coupon, 'kind' | 'percent' | 'amountCents'>, subtotalCents: number): number {
  const discount = coupon.kind === 'percent' ? Math.floor((subtotalCents * (coupon.percent ?? 0)) / 100) : (coupon.amountCents ?? 0);
  return Math.max(0, Math.min(discount, subtotalCents));
}

/**
 * Whether `code` can be used on this order right now, and the discount it gives. A read:
 * checkout evaluates again inside its transaction and then claims the use with redeemCoupon.
 */
export async function evaluateCoupon(db: Db, code: string, { userId, subtotalCents, now }: OrderFacts): Promise<CouponEvaluation> {
  const wanted = normalizeCode(code);
  // A string that cannot be a code is not echoed back (it may be anything, of any length).
  if (!COUPON_CODE_PATTERN.test(wanted)) return refuse('UNKNOWN', "We don't recognise that coupon code.");
  const coupon = await db.selectFrom('coupons').selectAll().where('code', '=', wanted).executeTakeFirst();
  if (!coupon) return refuse('UNKNOWN', `We don't recognise the coupon code ${wanted}.`);
  const { code: name } = coupon;
  if (coupon.active !== 1) return refuse('INACTIVE', `${name} is no longer available.`);
  if (coupon.startsAt !== null && now < coupon.startsAt) return refuse('NOT_STARTED', `${name} can't be used yet.`);
  if (coupon.endsAt !== null && now >= coupon.endsAt) return refuse('EXPIRED', `${name} has expired.`);
  if (coupon.maxRedemptions !== null && coupon.redemptionCount >= coupon.maxRedemptions) {
    return refuse('USED_UP', `${name} has reached its limit of ${times(coupon.maxRedemptions, 'use')}.`);
  }
  if (userId !== null && coupon.maxPerCustomer !== null) {
    const uses = await customerUses(db, coupon.id, userId);
    if (uses >= coupon.maxPerCustomer) {
      return refuse(
        'CUSTOMER_LIMIT',
        coupon.maxPerCustomer === 1
          ? `You have already used ${name}.`
          : `You have already used ${name} ${uses} times, the most it allows per customer.`,
      );
    }
  }
  // Last, as the one problem the shopper can fix by adding to the cart.
  if (subtotalCents < coupon.minSubtotalCents) {
    return refuse('BELOW_MINIMUM', `${name} needs an order of at least ${usd.format(coupon.minSubtotalCents / 100)}.`);
  }
  return {
    ok: true,
    coupon: { id: coupon.id, code: coupon.code, description: coupon.description },
    discountCents: couponDiscount(coupon, subtotalCents),
  };
}

/**
 * Claims one use of the coupon for an order, inside the caller's write transaction. The
 * limits are checked by the same statement that counts the use, so two checkouts can never
 * both take the last one. Returns false, having written nothing, when a limit stands in the way.
 */
export async function redeemCoupon(trx: Trx, { couponId, userId, orderId, now }: Redemption): Promise<boolean> {
  const usesByCustomer = trx
    .selectFrom('coupon_redemptions')
    .select((eb) => eb.fn.countAll<number>().as('uses'))
    .where('couponId', '=', couponId)
    .where('userId', '=', userId)
    .where('releasedAt', 'is', null);
  const claimed = await trx
    .updateTable('coupons')
    .set((eb) => ({ redemptionCount: eb('redemptionCount', '+', 1) }))
    .where('id', '=', couponId)
    .where('active', '=', 1)
    .where((eb) =>
      eb.and([
        eb.or([eb('maxRedemptions', 'is', null), eb('redemptionCount', '<', eb.ref('maxRedemptions'))]),
        eb.or([eb('startsAt', 'is', null), eb('startsAt', '<=', now)]),
        eb.or([eb('endsAt', 'is', null), eb('endsAt', '>', now)]),
        eb.or([eb('maxPerCustomer', 'is', null), eb('maxPerCustomer', '>', usesByCustomer)]),
      ]),
    )
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) return false;
  await trx.insertInto('coupon_redemptions').values({ couponId, userId, orderId, createdAt: now, releasedAt: null }).execute();
  return true;
}

/**
 * Gives back the use an order took (it was cancelled or expired). Idempotent: only the
 * first call for an order finds an unreleased redemption, so the count drops once.
 * Returns whether a use was given back.
 */
export async function releaseCoupon(trx: Trx, orderId: number, now: number): Promise<boolean> {
  const released = await trx
    .updateTable('coupon_redemptions')
    .set({ releasedAt: now })
    .where('orderId', '=', orderId)
    .where('releasedAt', 'is', null)
    .returning('couponId')
    .executeTakeFirst();
  if (!released) return false;
  await trx
    .updateTable('coupons')
    .set((eb) => ({ redemptionCount: eb('redemptionCount', '-', 1) }))
    .where('id', '=', released.couponId)
    .where('redemptionCount', '>', 0)
    .execute();
  return true;
}

export async function createCoupon(db: Db, fields: CouponFields, now: number): Promise<AdminCoupon> {
  const code = normalizeCode(fields.code);
  if (!COUPON_CODE_PATTERN.test(code)) {
    throw new CouponError('INVALID_COUPON', 'A code is 3 to 32 letters, digits, dashes or underscores.', 'code');
  }
  checkWindow(fields.startsAt ?? null, fields.endsAt ?? null);
  const row = await db
    .insertInto('coupons')
    .values({
      code,
      description: fields.description ?? '',
      kind: fields.kind,
      ...termsOf(fields),
      minSubtotalCents: fields.minSubtotalCents ?? 0,
      startsAt: fields.startsAt ?? null,
      endsAt: fields.endsAt ?? null,
      maxRedemptions: fields.maxRedemptions ?? null,
      maxPerCustomer: fields.maxPerCustomer ?? null,
      active: fields.active === false ? 0 : 1,
      createdAt: now,
      updatedAt: now,
    })
    // The unique code decides, even between two admins creating the same code at once.
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new CouponError('CODE_TAKEN', `There is already a coupon ${code}.`);
  return toAdminCoupon(row);
}

/** Every coupon, newest first. */
export async function listCoupons(db: Db): Promise<AdminCoupon[]> {
  const rows = await db.selectFrom('coupons').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toAdminCoupon);
}

export async function updateCoupon(db: Db, id: number, changes: CouponChanges, now: number): Promise<AdminCoupon> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('coupons').select(['startsAt', 'endsAt']).where('id', '=', id).executeTakeFirst();
    if (!current) throw new CouponError('COUPON_NOT_FOUND', 'There is no such coupon.');
    // The window as it will be: a new end must still follow the start it keeps, and the reverse.
    checkWindow(
      changes.startsAt === undefined ? current.startsAt : changes.startsAt,
      changes.endsAt === undefined ? current.endsAt : changes.endsAt,
    );
    // Fields left undefined are left out of the SET; null ones clear the column.
    const row = await trx
      .updateTable('coupons')
      .set({
        startsAt: changes.startsAt,
        endsAt: changes.endsAt,
        maxRedemptions: changes.maxRedemptions,
        maxPerCustomer: changes.maxPerCustomer,
        minSubtotalCents: changes.minSubtotalCents,
        description: changes.description,
        active: changes.active === undefined ? undefined : changes.active ? 1 : 0,
        updatedAt: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAdminCoupon(row);
  });
}

/** The percent or the amount, whichever the kind uses; the other stays empty. */
function termsOf(fields: CouponFields): { percent: number | null; amountCents: number | null } {
  if (fields.kind === 'percent') {
    if (fields.percent === undefined) throw new CouponError('INVALID_COUPON', 'A percent coupon needs a percent.', 'percent');
    return { percent: fields.percent, amountCents: null };
  }
  if (fields.amountCents === undefined) throw new CouponError('INVALID_COUPON', 'A fixed coupon needs an amount.', 'amountCents');
  return { percent: null, amountCents: fields.amountCents };
}

function checkWindow(startsAt: number | null, endsAt: number | null): void {
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    throw new CouponError('INVALID_COUPON', 'The coupon must end after it starts.', 'endsAt');
  }
}

async function customerUses(db: Db, couponId: number, userId: number): Promise<number> {
  const { uses } = await db
    .selectFrom('coupon_redemptions')
    .select((eb) => eb.fn.countAll<number>().as('uses'))
    .where('couponId', '=', couponId)
    .where('userId', '=', userId)
    .where('releasedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(uses);
}

function toAdminCoupon(row: Coupon): AdminCoupon {
  return { ...row, active: row.active === 1 };
}

function refuse(reason: CouponProblem, problem: string): CouponEvaluation {
  return { ok: false, reason, problem };
}

function times(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
