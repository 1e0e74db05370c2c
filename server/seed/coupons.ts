// Idempotent demo coupons: inserts the codes that are missing, never overwrites an admin's edits.
import type { Db } from '../../db/database.ts';

const demoCoupons = [
  { code: 'WELCOME10', kind: 'percent', percent: 10, description: '10% off your order' },
  { code: 'SAVE5', kind: 'fixed', amountCents: 500, minSubtotalCents: 3000, description: '$5 off orders of $30 or more' },
  {
    code: 'SPRING25',
    kind: 'percent',
    percent: 25,
    maxRedemptions: 100,
    maxPerCustomer: 1,
    description: '25% off, once per customer, for the first 100 orders',
  },
] as const;

/** Seeds the demo coupons; a transaction may be passed as `db`. Returns how many were new. */
export async function seedCoupons(db: Db, now: number): Promise<{ coupons: number }> {
  let inserted = 0;
  for (const coupon of demoCoupons) {
    const result = await db
      .insertInto('coupons')
      .values({ percent: null, amountCents: null, ...coupon, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (result.numInsertedOrUpdatedRows && result.numInsertedOrUpdatedRows > 0n) inserted++;
  }
  return { coupons: inserted };
}
