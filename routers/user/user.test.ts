import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { SESSION_COOKIE } from './cookie.ts';
import { SESSION_TTL_MS } from './session.ts';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { errorIssues } from '../trpc.ts';
import { CLIENT_ATTEMPT_LIMIT, EMAIL_ATTEMPT_LIMIT, LOGIN_WINDOW_MS, REGISTRATION_LIMIT } from './rate-limit.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const PASSWORD = 'correct horse battery';
const trpcBody = async (res: Response) => (await res.json()) as any;
const me = async (cookie: string) =>
  (await trpcBody(await shop.fetch('/trpc/user.me', { headers: { cookie } }))).result.data;
/** The session cookie a browser holds after `res`: the last Set-Cookie of it wins, Max-Age=0 deletes it. */
const sessionCookieKept = (res: Response, held: string) => {
  const last = res.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`)).at(-1);
  if (!last) return held;
  return /;\s*Max-Age=0(;|$)/i.test(last) ? undefined : last.split(';')[0];
};
const loginAttempts = (email: string) =>
  shop.db.selectFrom('login_attempts').select('attemptedAt').where('key', '=', `email:${email}`).execute();

describe('user.register', () => {
  it('normalises the email, signs the new user in and returns only public fields', async () => {
    const res = await shop.mutate('user.register', {
      email: '  Ann.Example@Example.COM ',
      password: PASSWORD,
      confirmPassword: PASSWORD,
      name: 'Ann',
      marketingOptIn: true,
    });
    expect(res.status).toBe(200);
    const user = (await trpcBody(res)).result.data;
    expect(user).toEqual({ id: expect.any(Number), email: 'ann.example@example.com', name: 'Ann', role: 'customer', marketingOptIn: true });
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(await me(cookie)).toEqual(user);
  });

  it('refuses an email already registered, in any letter case, with CONFLICT', async () => {
    const { email } = await shop.register();
    for (const variant of [email, email.toUpperCase(), ` ${email[0]!.toUpperCase()}${email.slice(1)} `]) {
      const res = await shop.mutate('user.register', { email: variant, password: PASSWORD, confirmPassword: PASSWORD });
      expect(res.status).toBe(409);
      const body = await trpcBody(res);
      expect(body.error.message).toBe('An account with this email already exists');
      expect(body.error.data.issues).toEqual([{ path: 'email', message: 'An account with this email already exists' }]);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('checks the email, the password length and the confirmation, naming the field', async () => {
    const api = shop.caller();
    const cases = [
      [{ email: 'not-an-email', password: PASSWORD, confirmPassword: PASSWORD }, 'email'],
      [{ email: 'short@example.com', password: 'seven77', confirmPassword: 'seven77' }, 'password'],
      [{ email: 'long@example.com', password: 'x'.repeat(129), confirmPassword: 'x'.repeat(129) }, 'password'],
      [{ email: 'typo@example.com', password: PASSWORD, confirmPassword: `${PASSWORD}!` }, 'confirmPassword'],
    ] as const;
    for (const [input, field] of cases) {
      const res = await shop.mutate('user.register', input);
      expect(res.status).toBe(400);
      expect((await trpcBody(res)).error.data.issues.map((i: any) => i.path)).toEqual([field]);
    }
    // Exactly 8 and exactly 128 characters are fine.
    await api.user.register({ email: 'eight@example.com', password: '12345678', confirmPassword: '12345678' });
    await api.user.register({ email: 'max@example.com', password: 'y'.repeat(128), confirmPassword: 'y'.repeat(128) });
  });
});

describe('user.login', () => {
  it('signs in with the right password, whatever the case of the email', async () => {
    const { email, user } = await shop.register();
    const { cookie } = await shop.signIn(email.toUpperCase(), PASSWORD);
    expect((await me(cookie)).id).toBe(user.id);
  });

  it('gives one generic UNAUTHORIZED message for a wrong password and for an unknown email', async () => {
    const { email } = await shop.register();
    const wrongPassword = await shop.mutate('user.login', { email, password: 'not the password' });
    const unknownEmail = await shop.mutate('user.login', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await trpcBody(wrongPassword), await trpcBody(unknownEmail)];
    expect(a.error.message).toBe('The email or password is not correct.');
    expect(b.error.message).toBe(a.error.message);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('locks an email after 5 failures in 15 minutes, says how long to wait, and unlocks after the window', async () => {
    const { email } = await shop.register();
    const api = shop.caller();
    for (let i = 0; i < EMAIL_ATTEMPT_LIMIT; i++) {
      await expect(api.user.login({ email, password: `wrong ${i}` })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      shop.clock.advance(60_000);
    }
    // Even the right password is refused while locked.
    const locked = await shop.mutate('user.login', { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    // The first failure was 5 minutes ago: it ages out of the 15-minute window in 10.
    expect((await trpcBody(locked)).error.message).toBe('Too many sign-in attempts. Please wait 10 minutes and try again.');
    shop.clock.advance(10 * 60_000 - 1);
    await expect(api.user.login({ email, password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    shop.clock.advance(1);
    await expect(api.user.login({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it('lets no more than 5 of many simultaneous wrong guesses through to the password check', async () => {
    const { email } = await shop.register();
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => shop.mutate('user.login', { email, password: `wrong ${i}` })),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(EMAIL_ATTEMPT_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - EMAIL_ATTEMPT_LIMIT);
  });

  it('resets the email counter on success', async () => {
    const { email } = await shop.register();
    const api = shop.caller();
    const fail = () => expect(api.user.login({ email, password: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    for (let i = 0; i < EMAIL_ATTEMPT_LIMIT - 1; i++) await fail();
    await api.user.login({ email, password: PASSWORD });
    for (let i = 0; i < EMAIL_ATTEMPT_LIMIT - 1; i++) await fail();
    await expect(api.user.login({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it('locks a client address after 20 failures across emails, but not other clients', async () => {
    const from = (address: string) => ({ origin: 'http://localhost', 'content-type': 'application/json', 'cf-connecting-ip': address });
    const login = (email: string, password: string, address: string) =>
      shop.fetch('/trpc/user.login', { method: 'POST', headers: from(address), body: JSON.stringify({ email, password }) });
    const { email } = await shop.register();
    for (let i = 0; i < CLIENT_ATTEMPT_LIMIT; i++) {
      expect((await login(`guess${i}@example.com`, 'wrong', '203.0.113.7')).status).toBe(401);
    }
    expect((await login(email, PASSWORD, '203.0.113.7')).status).toBe(429);
    expect((await login(email, PASSWORD, '198.51.100.1')).status).toBe(200);
    shop.clock.advance(LOGIN_WINDOW_MS);
    expect((await login(email, PASSWORD, '203.0.113.7')).status).toBe(200);
  });
});

describe('sign-up limit', () => {
  const signUp = (address: string) => {
    const email = `many${crypto.randomUUID()}@example.com`;
    return shop.fetch('/trpc/user.register', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json', 'cf-connecting-ip': address },
      body: JSON.stringify({ email, password: PASSWORD, confirmPassword: PASSWORD }),
    });
  };

  it('lets one network address open 10 accounts in 15 minutes, then asks it to wait; other addresses go on', async () => {
    for (let i = 0; i < REGISTRATION_LIMIT; i++) expect((await signUp('203.0.113.50')).status).toBe(200);
    const refused = await signUp('203.0.113.50');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as any).error.message).toBe('Too many new accounts from your network. Please wait 15 minutes and try again.');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect((await signUp('198.51.100.50')).status).toBe(200);
    shop.clock.advance(LOGIN_WINDOW_MS);
    expect((await signUp('203.0.113.50')).status).toBe(200);
  });

  it("does not limit the machine's own address (local scripts and test suites)", async () => {
    for (const address of ['127.0.0.1', '::1']) {
      for (let i = 0; i <= REGISTRATION_LIMIT; i++) expect((await signUp(address)).status).toBe(200);
    }
  });
});

describe('signing in over an old session cookie', () => {
  it('replaces a garbled, revoked or expired cookie: the browser keeps the new one, and it signs in', async () => {
    const revoked = await shop.register();
    await shop.mutate('user.logout', null, revoked.cookie);
    const expired = await shop.register();
    shop.clock.advance(SESSION_TTL_MS);
    for (const { email, cookie } of [
      { email: revoked.email, cookie: `${SESSION_COOKIE}=not-a-token` },
      { email: revoked.email, cookie: revoked.cookie },
      { email: expired.email, cookie: expired.cookie },
    ]) {
      const res = await shop.mutate('user.login', { email, password: PASSWORD }, cookie);
      expect(res.status).toBe(200);
      // The dead cookie is cleared and the new one set, in one response.
      expect(res.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toHaveLength(2);
      const kept = sessionCookieKept(res, cookie);
      expect(kept).toMatch(new RegExp(`^${SESSION_COOKIE}=.`));
      expect(kept).not.toBe(cookie);
      expect(await me(kept!)).toMatchObject({ email });
    }
  });
});

describe('sign-in attempt records', () => {
  it('forget every expired attempt, not only those of the email being tried', async () => {
    const api = shop.caller();
    const fail = (email: string) => expect(api.user.login({ email, password: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await fail('long-ago@example.com');
    shop.clock.advance(LOGIN_WINDOW_MS - 1);
    await fail('recent@example.com');
    shop.clock.advance(1);
    expect(await loginAttempts('long-ago@example.com')).toHaveLength(1);
    await fail('someone-else@example.com');
    expect(await loginAttempts('long-ago@example.com')).toEqual([]);
    expect(await loginAttempts('recent@example.com')).toHaveLength(1);
    const expired = await shop.db
      .selectFrom('login_attempts')
      .select('id')
      .where('attemptedAt', '<=', shop.clock.now() - LOGIN_WINDOW_MS)
      .execute();
    expect(expired).toEqual([]);
  });
});

describe('user.logout', () => {
  it('revokes the session: the old cookie no longer signs anyone in', async () => {
    const { cookie, email } = await shop.register();
    expect(await me(cookie)).toMatchObject({ email });
    const res = await shop.mutate('user.logout', null, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/^gomall_session=; Max-Age=0/);
    // A copy of the cookie kept by an attacker is dead too.
    expect(await me(cookie)).toBeNull();
    expect((await shop.fetch('/account', { headers: { cookie } })).status).toBe(302);
  });
});

describe('user.me and user.updateProfile', () => {
  it('returns null when signed out', async () => {
    expect(await shop.caller().user.me()).toBeNull();
  });

  it('updates the name and the marketing choice', async () => {
    const { session } = await shop.register({ name: 'Old' });
    const api = shop.caller(session);
    expect(await api.user.updateProfile({ name: '  New Name ', marketingOptIn: true })).toMatchObject({ name: 'New Name', marketingOptIn: true });
    expect(await api.user.updateProfile({ marketingOptIn: false })).toMatchObject({ name: 'New Name', marketingOptIn: false });
    expect(await api.user.me()).toMatchObject({ name: 'New Name', marketingOptIn: false });
  });

  it('refuses signed-out visitors with UNAUTHORIZED', async () => {
    const api = shop.caller();
    await expect(api.user.updateProfile({ name: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.user.changePassword({ currentPassword: 'a', newPassword: 'bbbbbbbb' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.user.addresses()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('user.changePassword', () => {
  it('needs the current password, then revokes every other session but keeps this one', async () => {
    const { email, cookie: laptop, session } = await shop.register();
    const { cookie: phone } = await shop.signIn(email, PASSWORD);
    const api = shop.caller(session);
    const wrong = await shop.mutate('user.changePassword', { currentPassword: 'nope nope', newPassword: 'brand new secret' }, laptop);
    expect(wrong.status).toBe(400);
    expect((await trpcBody(wrong)).error.data.issues[0].path).toBe('currentPassword');

    await api.user.changePassword({ currentPassword: PASSWORD, newPassword: 'brand new secret' });
    expect(await me(phone)).toBeNull();
    expect(await me(laptop)).toMatchObject({ email });
    await expect(shop.caller().user.login({ email, password: PASSWORD })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(shop.caller().user.login({ email, password: 'brand new secret' })).resolves.toMatchObject({ email });
  });

  it('limits wrong current passwords like failed sign-ins of the same email, and says how long to wait', async () => {
    const { email, cookie } = await shop.register();
    const change = (currentPassword: string) =>
      shop.mutate('user.changePassword', { currentPassword, newPassword: 'brand new secret' }, cookie);
    // One count for both ways of guessing: a stolen session cookie adds no guesses.
    await expect(shop.caller().user.login({ email, password: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    shop.clock.advance(60_000);
    for (let i = 1; i < EMAIL_ATTEMPT_LIMIT; i++) {
      expect((await change(`wrong ${i}`)).status).toBe(400);
      shop.clock.advance(60_000);
    }
    // Even the right current password is refused while locked, and signing in is too.
    const locked = await change(PASSWORD);
    expect(locked.status).toBe(429);
    // The first failure was 5 minutes ago: it ages out of the 15-minute window in 10.
    expect((await trpcBody(locked)).error.message).toBe('Too many password attempts on this account. Please wait 10 minutes and try again.');
    await expect(shop.caller().user.login({ email, password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    shop.clock.advance(10 * 60_000);
    expect((await change(PASSWORD)).status).toBe(200);
    await expect(shop.caller().user.login({ email, password: 'brand new secret' })).resolves.toMatchObject({ email });
  });

  it('does not count mistyped current passwords against the network address: others there still sign in', async () => {
    const address = { origin: 'http://localhost', 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.80' };
    const post = (path: string, body: unknown, cookie = '') =>
      shop.fetch(`/trpc/${path}`, { method: 'POST', headers: { ...address, cookie }, body: JSON.stringify(body) });
    for (let shopper = 0; shopper < CLIENT_ATTEMPT_LIMIT / (EMAIL_ATTEMPT_LIMIT - 1); shopper++) {
      const { cookie } = await shop.register();
      for (let i = 1; i < EMAIL_ATTEMPT_LIMIT; i++) {
        expect((await post('user.changePassword', { currentPassword: `wrong ${i}`, newPassword: 'brand new secret' }, cookie)).status).toBe(400);
      }
    }
    const neighbour = await shop.register();
    expect((await post('user.login', { email: neighbour.email, password: PASSWORD })).status).toBe(200);
  });
});

describe('addresses', () => {
  const home = { firstName: 'Ann', lastName: 'Lee', street: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', country: 'us' };

  it('saves, lists, edits and deletes addresses, keeping exactly one default', async () => {
    const { session } = await shop.register();
    const api = shop.caller(session);
    const first = await api.user.saveAddress(home);
    expect(first).toMatchObject({ ...home, country: 'US', isDefault: true });
    const second = await api.user.saveAddress({ ...home, street: '2 Side St', zip: 'SW1A 1AA', country: 'GB', state: '' });
    expect(second.isDefault).toBe(false);
    await api.user.saveAddress({ ...home, id: second.id, street: '2 Side St', country: 'GB', isDefault: true });
    const list = await api.user.addresses();
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    await api.user.deleteAddress({ id: second.id });
    expect(await api.user.addresses()).toEqual([{ ...first, isDefault: true }]);
  });

  it('validates the country code and the zip, naming the field', async () => {
    const { session } = await shop.register();
    const api = shop.caller(session);
    const issues = (input: object) =>
      api.user.saveAddress({ ...home, ...input }).then(
        () => [],
        (error) => errorIssues(error),
      );
    expect(await issues({ country: 'XX' })).toEqual([{ path: 'country', message: 'must be an ISO 3166-1 alpha-2 country code, like US' }]);
    expect(await issues({ country: 'USA' })).toMatchObject([{ path: 'country' }]);
    expect(await issues({ zip: '<script>' })).toMatchObject([{ path: 'zip' }]);
    expect(await issues({ street: '   ' })).toEqual([{ path: 'street', message: 'is required' }]);
  });

  it("cannot see, change or delete someone else's address", async () => {
    const owner = shop.caller((await shop.register()).session);
    const other = shop.caller((await shop.register()).session);
    const address = await owner.user.saveAddress(home);
    expect(await other.user.addresses()).toEqual([]);
    await expect(other.user.saveAddress({ ...home, id: address.id, city: 'Stolen' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.user.deleteAddress({ id: address.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await owner.user.addresses()).toEqual([address]);
  });
});

describe('secrets stay secret', () => {
  it('never returns the password or its hash, and never logs them', async () => {
    const secret = 'a very particular secret';
    const res = await shop.mutate('user.register', { email: 'secret@example.com', password: secret, confirmPassword: secret });
    const { passwordHash } = await shop.db.selectFrom('users').select('passwordHash').where('email', '=', 'secret@example.com').executeTakeFirstOrThrow();
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const responses = [
      await res.text(),
      await (await shop.fetch('/trpc/user.me', { headers: { cookie } })).text(),
      await (await shop.mutate('user.login', { email: 'secret@example.com', password: secret })).text(),
      await (await shop.mutate('user.login', { email: 'secret@example.com', password: `${secret}?` })).text(),
      await (await shop.mutate('user.register', { email: 'secret@example.com', password: secret, confirmPassword: secret })).text(),
      await (await shop.mutate('user.changePassword', { currentPassword: `${secret}!`, newPassword: secret }, cookie)).text(),
      await (await shop.fetch('/account', { headers: { cookie } })).text(),
    ];
    const logs = JSON.stringify([shop.logger.lines, shop.logger.errors]);
    for (const text of [...responses, logs]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(passwordHash);
      expect(text).not.toContain('passwordHash');
      expect(text).not.toContain('pbkdf2');
    }
  });
});
