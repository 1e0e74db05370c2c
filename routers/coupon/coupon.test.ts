// The coupon domain as a specification: admin upkeep (admin.coupon.*), the rules a code must
// pass at checkout, the discount it gives, and counted uses that hold under concurrent checkouts.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { seedCoupons } from '../../server/seed/coupons.ts';
import { ADMIN, createTestShop, CUSTOMER, type TestShop } from '../../server/testing/test-shop.ts';
import { couponDiscount, evaluateCoupon, normalizeCode, redeemCoupon, releaseCoupon, type AdminCoupon } from './coupons.ts';

let shop: TestShop;
let adminCookie: string;
beforeAll(async () => {
  shop = await createTestShop();
  adminCookie = await shop.registerAdmin();
});
afterAll(() => shop.close());

const HOUR = 3_600_000;
const admin = () => shop.caller(ADMIN).admin.coupon;
type CreateInput = Parameters<ReturnType<typeof admin>['create']>[0];

let counter = 0;
/** A fresh coupon made through the admin API, 10% off unless told otherwise, with a unique code. */
async function newCoupon(fields: Partial<CreateInput> = {}): Promise<AdminCoupon> {
  return admin().create({ code: `TEST${++counter}`, kind: 'percent', percent: 10, ...fields } as CreateInput);
}

let orders = 0;
/** Claims a use as checkout does: in a write transaction of its own, for a new order. */
function redeem(coupon: AdminCoupon, userId: number, now = shop.clock.now()) {
  const orderId = ++orders;
  return shop.db
    .transaction()
    .execute((trx) => redeemCoupon(trx, { couponId: coupon.id, userId, orderId, now }))
    .then((ok) => ({ ok, orderId }));
}

function release(orderId: number) {
  return shop.db.transaction().execute((trx) => releaseCoupon(trx, orderId, shop.clock.now()));
}

async function uses(coupon: AdminCoupon) {
  const row = await shop.db.selectFrom('coupons').select('redemptionCount').where('id', '=', coupon.id).executeTakeFirstOrThrow();
  return row.redemptionCount;
}

const evaluate = (code: string, facts: { userId?: number | null; subtotalCents?: number; now?: number } = {}) =>
  evaluateCoupon(shop.db, code, { userId: 2, subtotalCents: 10_000, now: shop.clock.now(), ...facts });

describe('admin.coupon access', () => {
  const calls: [string, (api: ReturnType<TestShop['caller']>) => Promise<unknown>][] = [
    ['admin.coupon.create', (api) => api.admin.coupon.create({ code: 'NOPE', kind: 'percent', percent: 50 })],
    ['admin.coupon.list', (api) => api.admin.coupon.list()],
    ['admin.coupon.update', (api) => api.admin.coupon.update({ id: 1, active: false })],
  ];

  it('refuses signed-out callers with UNAUTHORIZED and customers with FORBIDDEN, changing nothing', async () => {
    for (const [name, call] of calls) {
      await expect(call(shop.caller(null)), name).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(call(shop.caller(CUSTOMER)), name).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const coupons = await admin().list();
    expect(coupons.some((c) => c.code === 'NOPE')).toBe(false);
    expect(coupons.every((c) => c.active)).toBe(true);
  });

  it('answers a signed-out HTTP request with 401', async () => {
    expect((await shop.fetch('/trpc/admin.coupon.list')).status).toBe(401);
  });
});

describe('admin.coupon.create, list and update', () => {
  it('creates a coupon under its upper-case code, active and unused', async () => {
    const coupon = await admin().create({ code: '  summer-sale_1 ', kind: 'percent', percent: 15, description: 'Summer sale' });
    expect(coupon).toEqual({
      id: coupon.id,
      code: 'SUMMER-SALE_1',
      description: 'Summer sale',
      kind: 'percent',
      percent: 15,
      amountCents: null,
      minSubtotalCents: 0,
      startsAt: null,
      endsAt: null,
      maxRedemptions: null,
      maxPerCustomer: null,
      redemptionCount: 0,
      active: true,
      createdAt: shop.clock.now(),
      updatedAt: shop.clock.now(),
    });
  });

  it('creates a fixed-amount coupon with every limit', async () => {
    const now = shop.clock.now();
    const coupon = await admin().create({
      code: 'TENOFF',
      kind: 'fixed',
      amountCents: 1000,
      minSubtotalCents: 4000,
      startsAt: now,
      endsAt: now + 24 * HOUR,
      maxRedemptions: 50,
      maxPerCustomer: 2,
      active: false,
    });
    expect(coupon).toMatchObject({
      kind: 'fixed',
      percent: null,
      amountCents: 1000,
      minSubtotalCents: 4000,
      startsAt: now,
      endsAt: now + 24 * HOUR,
      maxRedemptions: 50,
      maxPerCustomer: 2,
      active: false,
      description: '',
    });
  });

  it('has the demo coupons on a freshly seeded shop', async () => {
    const demo = (await admin().list()).filter((c) => ['WELCOME10', 'SAVE5', 'SPRING25'].includes(c.code));
    expect(demo).toHaveLength(3);
    expect(demo.find((c) => c.code === 'WELCOME10')).toMatchObject({ kind: 'percent', percent: 10, description: '10% off your order' });
    expect(demo.find((c) => c.code === 'SAVE5')).toMatchObject({ kind: 'fixed', amountCents: 500, minSubtotalCents: 3000 });
    expect(demo.find((c) => c.code === 'SPRING25')).toMatchObject({ percent: 25, maxRedemptions: 100, maxPerCustomer: 1 });
  });

  it("seeds again without adding a coupon or undoing an admin's edit", async () => {
    const welcome = (await admin().list()).find((c) => c.code === 'WELCOME10')!;
    await admin().update({ id: welcome.id, description: 'Edited by an admin' });
    expect(await seedCoupons(shop.db, shop.clock.now())).toEqual({ coupons: 0 });
    const after = await admin().list();
    expect(after.filter((c) => c.code === 'WELCOME10')).toMatchObject([{ id: welcome.id, description: 'Edited by an admin' }]);
  });

  it('lists every coupon newest first, with how many uses each has taken', async () => {
    const older = await newCoupon();
    shop.clock.advance(1000);
    const newer = await newCoupon();
    await redeem(older, 40);
    await redeem(older, 41);
    const list = await admin().list();
    expect(list.findIndex((c) => c.id === newer.id)).toBeLessThan(list.findIndex((c) => c.id === older.id));
    expect(list.find((c) => c.id === older.id)!.redemptionCount).toBe(2);
    expect(list.find((c) => c.id === newer.id)!.redemptionCount).toBe(0);
    const times = list.map((c) => c.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('updates terms, and null clears a date or a limit', async () => {
    const now = shop.clock.now();
    const coupon = await newCoupon({ startsAt: now, endsAt: now + HOUR, maxRedemptions: 5, maxPerCustomer: 1 });
    shop.clock.advance(1000);
    const updated = await admin().update({
      id: coupon.id,
      active: false,
      endsAt: null,
      maxRedemptions: null,
      maxPerCustomer: 3,
      minSubtotalCents: 2500,
      description: 'Now for bigger orders',
    });
    expect(updated).toMatchObject({
      code: coupon.code,
      active: false,
      startsAt: now,
      endsAt: null,
      maxRedemptions: null,
      maxPerCustomer: 3,
      minSubtotalCents: 2500,
      description: 'Now for bigger orders',
      createdAt: coupon.createdAt,
      updatedAt: shop.clock.now(),
    });
    expect((await admin().list()).find((c) => c.id === coupon.id)).toEqual(updated);
  });

  it('refuses a code that is taken, whatever its case, as a CONFLICT about the code', async () => {
    await newCoupon({ code: 'DUPE1' });
    await expect(newCoupon({ code: 'dupe1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a coupon DUPE1.',
      cause: { code: 'CODE_TAKEN', field: 'code' },
    });
  });

  it('refuses an end that would come before the start it keeps, and an unknown coupon', async () => {
    const now = shop.clock.now();
    const coupon = await newCoupon({ startsAt: now + HOUR });
    await expect(admin().update({ id: coupon.id, endsAt: now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The coupon must end after it starts.',
      cause: { code: 'INVALID_COUPON', field: 'endsAt' },
    });
    // Clearing the start makes the same end fine.
    expect(await admin().update({ id: coupon.id, startsAt: null, endsAt: now })).toMatchObject({ startsAt: null, endsAt: now });
    await expect(admin().update({ id: 999_999, active: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('admin.coupon input validation', () => {
  /** The answer to an admin's HTTP call, as a client sees it. */
  async function refusal(path: 'admin.coupon.create' | 'admin.coupon.update', input: unknown) {
    const res = await shop.mutate(path, input, adminCookie);
    const body = (await res.json()) as { error: { message: string; data: { issues: unknown[]; reason?: string } } };
    return { status: res.status, message: body.error.message, issues: body.error.data.issues };
  }

  const percentOff = { code: 'VALID1', kind: 'percent', percent: 5 };
  const amountOff = { code: 'VALID1', kind: 'fixed', amountCents: 500 };
  /** Each input, and the message that must answer it ("field: problem"). */
  const cases: [Record<string, unknown>, string][] = [
    [{ ...percentOff, code: 'ab' }, 'code: must be at least 3 characters'],
    [{ ...percentOff, code: 'A'.repeat(33) }, 'code: must be at most 32 characters'],
    [{ ...percentOff, code: 'NO SPACE' }, 'code: must be letters, digits, dashes and underscores only'],
    [{ ...percentOff, kind: 'free' }, 'kind: must be "percent" or "fixed"'],
    [{ ...percentOff, percent: undefined }, 'percent: is required for a percent coupon'],
    [{ ...percentOff, percent: 0 }, 'percent: must be between 1 and 100'],
    [{ ...percentOff, percent: 101 }, 'percent: must be between 1 and 100'],
    [{ ...percentOff, percent: 12.5 }, 'percent: must be a whole number'],
    [{ ...percentOff, amountCents: 100 }, 'amountCents: only applies to a fixed coupon'],
    [{ ...amountOff, amountCents: undefined }, 'amountCents: is required for a fixed coupon'],
    [{ ...amountOff, amountCents: 0 }, 'amountCents: must be more than zero'],
    [{ ...amountOff, percent: 5 }, 'percent: only applies to a percent coupon'],
    [{ ...percentOff, startsAt: 2000, endsAt: 1000 }, 'endsAt: must be after startsAt'],
    [{ ...percentOff, startsAt: 2000, endsAt: 2000 }, 'endsAt: must be after startsAt'],
    [{ ...percentOff, maxRedemptions: 0 }, 'maxRedemptions: must be at least 1'],
    [{ ...percentOff, maxPerCustomer: 1.5 }, 'maxPerCustomer: must be a whole number'],
    [{ ...percentOff, minSubtotalCents: -1 }, 'minSubtotalCents: must not be negative'],
    [{ ...percentOff, description: 'line\nbreak' }, 'description: must not contain control characters'],
  ];

  it('answers bad coupon fields with a 400 whose message names the field, creating nothing', async () => {
    const before = (await admin().list()).length;
    for (const [input, message] of cases) {
      const answer = await refusal('admin.coupon.create', input);
      expect(answer.status, message).toBe(400);
      expect(answer.message, message).toBe(message);
      const [path, words] = message.split(': ');
      expect(answer.issues, message).toEqual([{ path, message: words }]);
    }
    expect((await admin().list()).length).toBe(before);
  });

  it('checks the fields of an update the same way', async () => {
    const coupon = await newCoupon();
    const update = async (input: Record<string, unknown>) => (await refusal('admin.coupon.update', { id: coupon.id, ...input })).message;
    expect(await update({ maxPerCustomer: -1 })).toBe('maxPerCustomer: must be at least 1');
    expect(await update({ startsAt: 5000, endsAt: 5000 })).toBe('endsAt: must be after startsAt');
    expect(await update({ active: 'yes' })).toBe('active: must be true or false');
    expect(await update({ id: 0 })).toBe('id: must be at least 1');
  });

  it('reports a taken code as an issue on the code field', async () => {
    await newCoupon({ code: 'TAKEN-HTTP' });
    const answer = await refusal('admin.coupon.create', { code: 'taken-http', kind: 'fixed', amountCents: 100 });
    expect(answer.status).toBe(409);
    expect(answer.issues).toEqual([{ path: 'code', message: 'There is already a coupon TAKEN-HTTP.' }]);
  });
});

describe('evaluateCoupon', () => {
  it('matches codes whatever their case and surrounding spaces', async () => {
    const coupon = await newCoupon({ code: 'CASE-TEST', description: 'Any case' });
    expect(normalizeCode('  case-Test ')).toBe('CASE-TEST');
    expect(await evaluate('  case-test ', { subtotalCents: 2000 })).toEqual({
      ok: true,
      coupon: { id: coupon.id, code: 'CASE-TEST', description: 'Any case' },
      discountCents: 200,
    });
  });

  it('does not recognise an unknown code, and never echoes text that cannot be a code', async () => {
    expect(await evaluate('welcome1')).toEqual({ ok: false, reason: 'UNKNOWN', problem: "We don't recognise the coupon code WELCOME1." });
    expect(await evaluate('<b>free stuff</b>')).toEqual({ ok: false, reason: 'UNKNOWN', problem: "We don't recognise that coupon code." });
    expect(await evaluate('')).toMatchObject({ ok: false, reason: 'UNKNOWN' });
  });

  it('refuses an inactive coupon', async () => {
    const coupon = await newCoupon({ active: false });
    expect(await evaluate(coupon.code)).toEqual({ ok: false, reason: 'INACTIVE', problem: `${coupon.code} is no longer available.` });
  });

  it('refuses a coupon before its start, and takes it from the start on', async () => {
    const startsAt = shop.clock.now() + HOUR;
    const coupon = await newCoupon({ startsAt });
    expect(await evaluate(coupon.code)).toEqual({ ok: false, reason: 'NOT_STARTED', problem: `${coupon.code} can't be used yet.` });
    expect(await evaluate(coupon.code, { now: startsAt })).toMatchObject({ ok: true });
  });

  it('takes a coupon until just before its end, and refuses it from the end on', async () => {
    const endsAt = shop.clock.now() + HOUR;
    const coupon = await newCoupon({ endsAt });
    expect(await evaluate(coupon.code, { now: endsAt - 1 })).toMatchObject({ ok: true });
    expect(await evaluate(coupon.code, { now: endsAt })).toEqual({ ok: false, reason: 'EXPIRED', problem: `${coupon.code} has expired.` });
  });

  it('refuses an order below the minimum subtotal, saying how much is needed', async () => {
    await newCoupon({ code: 'BIGSPEND10', minSubtotalCents: 5000 });
    expect(await evaluate('BIGSPEND10', { subtotalCents: 4999 })).toEqual({
      ok: false,
      reason: 'BELOW_MINIMUM',
      problem: 'BIGSPEND10 needs an order of at least $50.00.',
    });
    expect(await evaluate('BIGSPEND10', { subtotalCents: 5000 })).toMatchObject({ ok: true, discountCents: 500 });
  });

  it('refuses a coupon whose uses are all taken', async () => {
    const coupon = await newCoupon({ maxRedemptions: 1 });
    expect((await redeem(coupon, 50)).ok).toBe(true);
    expect(await evaluate(coupon.code, { userId: 51 })).toEqual({
      ok: false,
      reason: 'USED_UP',
      problem: `${coupon.code} has reached its limit of 1 use.`,
    });
  });

  it('refuses a customer who has used the coupon as often as it allows, and no one else', async () => {
    const once = await newCoupon({ maxPerCustomer: 1 });
    await redeem(once, 60);
    expect(await evaluate(once.code, { userId: 60 })).toEqual({
      ok: false,
      reason: 'CUSTOMER_LIMIT',
      problem: `You have already used ${once.code}.`,
    });
    expect(await evaluate(once.code, { userId: 61 })).toMatchObject({ ok: true });
    // Signed out there is no one to count against (checkout itself needs an account).
    expect(await evaluate(once.code, { userId: null })).toMatchObject({ ok: true });

    const twice = await newCoupon({ maxPerCustomer: 2 });
    const first = await redeem(twice, 62);
    await redeem(twice, 62);
    expect(await evaluate(twice.code, { userId: 62 })).toEqual({
      ok: false,
      reason: 'CUSTOMER_LIMIT',
      problem: `You have already used ${twice.code} 2 times, the most it allows per customer.`,
    });
    // A cancelled order gives its use back to the customer too.
    await release(first.orderId);
    expect(await evaluate(twice.code, { userId: 62 })).toMatchObject({ ok: true });
  });
});

describe('discounts', () => {
  it('takes a percent off, rounded down to the cent', () => {
    expect(couponDiscount({ kind: 'percent', percent: 10, amountCents: null }, 1999)).toBe(199);
    expect(couponDiscount({ kind: 'percent', percent: 15, amountCents: null }, 1001)).toBe(150);
    expect(couponDiscount({ kind: 'percent', percent: 100, amountCents: null }, 2500)).toBe(2500);
    expect(couponDiscount({ kind: 'percent', percent: 25, amountCents: null }, 0)).toBe(0);
  });

  it('takes a fixed amount off, but never more than the subtotal', () => {
    expect(couponDiscount({ kind: 'fixed', percent: null, amountCents: 500 }, 3000)).toBe(500);
    expect(couponDiscount({ kind: 'fixed', percent: null, amountCents: 500 }, 500)).toBe(500);
    expect(couponDiscount({ kind: 'fixed', percent: null, amountCents: 500 }, 300)).toBe(300);
  });

  it('is what evaluateCoupon offers', async () => {
    const fixed = await newCoupon({ kind: 'fixed', percent: undefined, amountCents: 2000 });
    expect(await evaluate(fixed.code, { subtotalCents: 1500 })).toMatchObject({ ok: true, discountCents: 1500 });
    expect(await evaluate('SAVE5', { subtotalCents: 3000 })).toMatchObject({ ok: true, discountCents: 500 });
    expect(await evaluate('WELCOME10', { subtotalCents: 4599 })).toMatchObject({ ok: true, discountCents: 459 });
  });
});

describe('redeemCoupon and releaseCoupon', () => {
  it('lets exactly one of 10 concurrent checkouts take the last use', async () => {
    const coupon = await newCoupon({ maxRedemptions: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => redeem(coupon, 100 + i)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await uses(coupon)).toBe(1);
    const rows = await shop.db.selectFrom('coupon_redemptions').selectAll().where('couponId', '=', coupon.id).execute();
    expect(rows).toMatchObject([{ orderId: results.find((r) => r.ok)!.orderId, releasedAt: null }]);
  });

  it("holds one customer's limit under concurrent checkouts while others still redeem", async () => {
    const coupon = await newCoupon({ maxPerCustomer: 1 });
    const same = await Promise.all(Array.from({ length: 5 }, () => redeem(coupon, 200)));
    expect(same.filter((r) => r.ok)).toHaveLength(1);
    expect((await redeem(coupon, 201)).ok).toBe(true);
    expect(await uses(coupon)).toBe(2);
  });

  it('refuses an inactive, not yet started or expired coupon, writing nothing', async () => {
    const now = shop.clock.now();
    for (const fields of [{ active: false }, { startsAt: now + 1 }, { endsAt: now }] as Partial<CreateInput>[]) {
      const coupon = await newCoupon(fields);
      expect((await redeem(coupon, 300, now)).ok).toBe(false);
      expect(await uses(coupon)).toBe(0);
    }
  });

  it('counts nothing when the checkout transaction fails after claiming', async () => {
    const coupon = await newCoupon({ maxRedemptions: 1 });
    const failed = shop.db.transaction().execute(async (trx) => {
      await redeemCoupon(trx, { couponId: coupon.id, userId: 400, orderId: ++orders, now: shop.clock.now() });
      throw new Error('payment declined');
    });
    await expect(failed).rejects.toThrow('payment declined');
    expect(await uses(coupon)).toBe(0);
    expect((await redeem(coupon, 401)).ok).toBe(true);
  });

  it('gives back exactly one use however often an order is released', async () => {
    const coupon = await newCoupon({ maxRedemptions: 1, maxPerCustomer: 1 });
    const taken = await redeem(coupon, 500);
    expect(taken.ok).toBe(true);
    const other = await redeem(coupon, 501);
    expect(other.ok).toBe(false);
    shop.clock.advance(1000);
    expect(await release(taken.orderId)).toBe(true);
    expect(await release(taken.orderId)).toBe(false);
    // The refused order never took a use, so it has none to give back.
    expect(await release(other.orderId)).toBe(false);
    expect(await uses(coupon)).toBe(0);
    const redemption = shop.db.selectFrom('coupon_redemptions').select('releasedAt').where('orderId', '=', taken.orderId);
    expect(await redemption.executeTakeFirstOrThrow()).toEqual({ releasedAt: shop.clock.now() });
    // The use is free again, even for the same customer.
    expect((await redeem(coupon, 500)).ok).toBe(true);
    expect(await uses(coupon)).toBe(1);
  });
});
