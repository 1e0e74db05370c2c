import { afterEach, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../testing/test-shop.ts';
import { DEV_ADMIN_EMAIL, seedAdmin } from './admin.ts';

let shop: TestShop;
afterEach(() => shop.close());

const admins = () => shop.db.selectFrom('users').select(['email', 'role']).where('role', '=', 'admin').execute();

describe('the administrator account', () => {
  it('is created at seed time from ADMIN_EMAIL and ADMIN_PASSWORD, and can sign in as admin', async () => {
    shop = await createTestShop({ env: { ADMIN_EMAIL: ' Boss@Example.com ', ADMIN_PASSWORD: 'admin-password-1' } });
    expect(await admins()).toEqual([{ email: 'boss@example.com', role: 'admin' }]);
    const { session } = await shop.signIn('boss@example.com', 'admin-password-1');
    expect(session.role).toBe('admin');
    expect(JSON.stringify(shop.logger.lines)).not.toContain('admin-password-1');
  });

  it('makes an existing customer with that email an admin only when ADMIN_PASSWORD is its password', async () => {
    shop = await createTestShop();
    const { email, password } = await shop.register();
    await seedAdmin(shop.db, { ...shop.config, adminEmail: email, adminPassword: 'another-password' }, shop.logger, shop.clock.now());
    await seedAdmin(shop.db, { ...shop.config, adminEmail: email, adminPassword: undefined }, shop.logger, shop.clock.now());
    expect(await admins()).toEqual([]);
    expect(shop.logger.errors.map((e) => e.line)).toEqual([expect.stringContaining(`${email} is a customer account`), expect.stringContaining(email)]);

    await seedAdmin(shop.db, { ...shop.config, adminEmail: email, adminPassword: password }, shop.logger, shop.clock.now());
    expect(await admins()).toEqual([{ email, role: 'admin' }]);
    expect((await shop.signIn(email, password)).session.role).toBe('admin');
  });

  it('in development without ADMIN_* gets a generated password, printed once at first start', async () => {
    shop = await createTestShop({ mode: 'development' });
    const printed = shop.logger.lines.filter((line) => line.includes(DEV_ADMIN_EMAIL));
    expect(printed).toHaveLength(1);
    const password = printed[0]!.match(/password (\S+)/)![1]!;
    expect((await shop.signIn(DEV_ADMIN_EMAIL, password)).session.role).toBe('admin');
    // The next start finds the account and prints nothing.
    await seedAdmin(shop.db, shop.config, shop.logger, shop.clock.now());
    expect(shop.logger.lines.filter((line) => line.includes(DEV_ADMIN_EMAIL))).toHaveLength(1);
  });

  it('is not invented outside development', async () => {
    shop = await createTestShop();
    expect(await admins()).toEqual([]);
  });
});
