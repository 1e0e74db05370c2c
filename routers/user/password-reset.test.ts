// Forgotten passwords: the same answer for known and unknown addresses, rate limits
// per email and per network address, one reset email with a single-use link that
// expires after an hour (only the token's SHA-256 stored), the reset itself (new
// password, every session revoked, signed in), and the pages with and without
// JavaScript's help (plain form posts).
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { renderPage } from '../../client/entry-server.tsx';
import { createCaller } from '../index.ts';
import { SESSION_COOKIE } from './cookie.ts';
import { RESET_TTL_MS, tokenHash } from './password-reset.ts';
import { LOGIN_WINDOW_MS, RESET_CLIENT_LIMIT, RESET_EMAIL_LIMIT } from './rate-limit.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const NEW_PASSWORD = 'a brand new passphrase';
const trpcBody = async (res: Response) => (await res.json()) as any;
const me = async (cookie: string) => (await trpcBody(await shop.fetch('/trpc/user.me', { headers: { cookie } }))).result.data;
const sessionCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
  body: new URLSearchParams(fields).toString(),
});
const resetEmailsTo = (email: string) => shop.db.selectFrom('mailbox').selectAll().where('to', '=', email).where('subject', '=', 'Reset your GoMall password').orderBy('id').execute();
const resetJobsTo = async (email: string) =>
  (await shop.db.selectFrom('jobs').select(['key', 'payload']).where('key', 'like', 'email:password-reset:%').execute()).filter((j) => JSON.parse(j.payload).to === email);

/** Asks for a reset (signed out, as the page does) and returns the link's token from the delivered email. */
async function emailedToken(email: string): Promise<string> {
  const before = (await resetEmailsTo(email)).length;
  expect(await shop.caller().user.requestPasswordReset({ email })).toBeNull();
  await shop.jobs.runDue();
  const emails = await resetEmailsTo(email);
  expect(emails).toHaveLength(before + 1);
  const text = emails.at(-1)!.text;
  const link = new RegExp(`${shop.config.publicUrl}/reset-password\\?token=([A-Za-z0-9_-]+)`).exec(text);
  expect(link).not.toBeNull();
  return link![1]!;
}

/** A caller as seen from a network address (the rate limit counts per address). */
const callerFrom = (clientAddress: string) => createCaller({ ...shop.context(), clientAddress });

describe('user.requestPasswordReset', () => {
  it('answers the same for an account and for an unknown address, and emails only the account', async () => {
    const { email } = await shop.register({ name: '<b>Ada</b>' });
    const answers: unknown[] = [];
    for (const address of [email, 'nobody-here@example.com']) {
      const res = await shop.mutate('user.requestPasswordReset', { email: address });
      answers.push({ status: res.status, body: await res.json(), cookies: res.headers.getSetCookie() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual({ status: 200, body: { result: { data: null } }, cookies: [] });
    expect(await resetJobsTo(email)).toHaveLength(1);
    expect(await resetJobsTo('nobody-here@example.com')).toHaveLength(0);
    // The address is read as at sign-in: case and spaces do not matter.
    await shop.caller().user.requestPasswordReset({ email: `  ${email.toUpperCase()} ` });
    expect(await resetJobsTo(email)).toHaveLength(2);
    // Not an email address at all: a field error, whoever asks.
    await expect(shop.caller().user.requestPasswordReset({ email: 'not an address' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('queues one email with a single-use link, storing only a SHA-256 of its token', async () => {
    const { email, user } = await shop.register({ name: '<b>Ada</b>' });
    const token = await emailedToken(email);
    const [message] = await resetEmailsTo(email);
    expect(message!.text).toStartWith('Hi <b>Ada</b>,');
    expect(message!.html).toContain('Hi &lt;b&gt;Ada&lt;/b&gt;,');
    expect(message!.html).toContain(`href="${shop.config.publicUrl}/reset-password?token=${token}"`);
    expect(message!.text).toContain('The link works once, for 60 minutes.');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await shop.db.selectFrom('password_resets').selectAll().where('userId', '=', user.id).execute();
    expect(rows).toEqual([{ tokenHash: await tokenHash(token), userId: user.id, expiresAt: shop.clock.now() + RESET_TTL_MS, usedAt: null, createdAt: shop.clock.now() }]);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it(`is rate limited: ${RESET_EMAIL_LIMIT} per email and ${RESET_CLIENT_LIMIT} per network address per window, known or not`, async () => {
    const { email } = await shop.register();
    for (const address of [email, 'unknown-limited@example.com']) {
      for (let i = 0; i < RESET_EMAIL_LIMIT; i++) expect(await shop.caller().user.requestPasswordReset({ email: address })).toBeNull();
      await expect(shop.caller().user.requestPasswordReset({ email: address })).rejects.toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many password reset requests. Please wait 15 minutes and try again.',
      });
    }
    expect(await resetJobsTo(email)).toHaveLength(RESET_EMAIL_LIMIT);

    // One address trying many emails.
    const from = callerFrom('203.0.113.7');
    for (let i = 0; i < RESET_CLIENT_LIMIT; i++) await from.user.requestPasswordReset({ email: `sprayed-${i}@example.com` });
    await expect(from.user.requestPasswordReset({ email: 'sprayed-next@example.com' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Someone else is not held up by it.
    expect(await callerFrom('198.51.100.4').user.requestPasswordReset({ email: 'sprayed-next@example.com' })).toBeNull();

    shop.clock.advance(LOGIN_WINDOW_MS);
    expect(await from.user.requestPasswordReset({ email: 'sprayed-later@example.com' })).toBeNull();
    expect(await shop.caller().user.requestPasswordReset({ email })).toBeNull();
    expect(await resetJobsTo(email)).toHaveLength(RESET_EMAIL_LIMIT + 1);
  });
});

describe('user.resetPassword', () => {
  it('sets the new password, revokes every session of the account, signs this browser in; the link works once', async () => {
    const account = await shop.register({ password: 'the old password' });
    const elsewhere = await shop.signIn(account.email, 'the old password');
    const token = await emailedToken(account.email);
    expect(await shop.caller().user.passwordResetLink({ token })).toEqual({ valid: true, email: account.email });

    const res = await shop.mutate('user.resetPassword', { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await trpcBody(res)).result.data).toMatchObject({ id: account.user.id, email: account.email });
    const cookie = sessionCookieOf(res)!;
    expect(cookie).toBeDefined();
    expect(await me(cookie)).toMatchObject({ id: account.user.id });
    // Every earlier session is signed out.
    expect(await me(account.cookie)).toBeNull();
    expect(await me(elsewhere.cookie)).toBeNull();
    const live = await shop.db.selectFrom('sessions').select('id').where('userId', '=', account.user.id).where('revokedAt', 'is', null).execute();
    expect(live).toHaveLength(1);

    await expect(shop.signIn(account.email, 'the old password')).rejects.toThrow('401');
    expect((await shop.signIn(account.email, NEW_PASSWORD)).user.id).toBe(account.user.id);

    // A second use: refused, and nothing changes.
    const again = await shop.mutate('user.resetPassword', { token, password: 'yet another password', confirmPassword: 'yet another password' });
    expect(again.status).toBe(400);
    expect((await trpcBody(again)).error).toMatchObject({
      message: 'This password reset link has expired or has already been used. Please ask for a new one.',
      data: { reason: 'RESET_LINK_INVALID' },
    });
    expect(sessionCookieOf(again)).toBeUndefined();
    expect(await me(cookie)).toMatchObject({ id: account.user.id });
    expect(await shop.caller().user.passwordResetLink({ token })).toEqual({ valid: false });
    expect((await shop.signIn(account.email, NEW_PASSWORD)).user.id).toBe(account.user.id);
  });

  it('two uses at once: one wins', async () => {
    const { email } = await shop.register();
    const token = await emailedToken(email);
    const results = await Promise.allSettled([
      shop.caller().user.resetPassword({ token, password: 'first new password', confirmPassword: 'first new password' }),
      shop.caller().user.resetPassword({ token, password: 'second new password', confirmPassword: 'second new password' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('expires after an hour', async () => {
    const { email } = await shop.register();
    const early = await emailedToken(email);
    shop.clock.advance(RESET_TTL_MS - 1);
    expect(await shop.caller().user.passwordResetLink({ token: early })).toMatchObject({ valid: true });
    shop.clock.advance(1);
    expect(await shop.caller().user.passwordResetLink({ token: early })).toEqual({ valid: false });
    await expect(shop.caller().user.resetPassword({ token: early, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'RESET_LINK_INVALID' },
    });
    // A fresh link works.
    const fresh = await emailedToken(email);
    expect(await shop.caller().user.resetPassword({ token: fresh, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ email });
  });

  it("using one link retires the account's other links; made-up and mistyped ones change nothing", async () => {
    const { email } = await shop.register({ password: 'the old password' });
    const first = await emailedToken(email);
    const second = await emailedToken(email);
    await expect(shop.caller().user.resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: 'something else' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    for (const made of ['', 'x', `${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`]) {
      await expect(shop.caller().user.resetPassword({ token: made, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect((await shop.signIn(email, 'the old password')).user.email).toBe(email);
    await shop.caller().user.resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await shop.caller().user.passwordResetLink({ token: second })).toEqual({ valid: false });
    await expect(shop.caller().user.resetPassword({ token: second, password: 'another new one', confirmPassword: 'another new one' })).rejects.toMatchObject({
      cause: { code: 'RESET_LINK_INVALID' },
    });
  });

  it('lets back in an account locked by failed sign-ins', async () => {
    const { email } = await shop.register();
    for (let i = 0; i < 5; i++) await shop.caller().user.login({ email, password: 'wrong guess!' }).catch(() => {});
    await expect(shop.signIn(email, 'correct horse battery')).rejects.toThrow('429');
    const token = await emailedToken(email);
    await shop.caller().user.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect((await shop.signIn(email, NEW_PASSWORD)).user.email).toBe(email);
  });
});

describe('the pages', () => {
  const render = async (path: string) => {
    const page = await renderPage(`http://localhost${path}`, shop.caller());
    return { status: page.status, html: page.body };
  };

  it('the sign-in page links to /forgot-password, which asks for the email', async () => {
    expect((await render('/sign-in')).html).toMatch(/<a href="\/forgot-password"[^>]*>Forgot your password\?<\/a>/);
    const page = await render('/forgot-password');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form[^>]*method="post"[^>]*action="\/forgot-password"/);
    expect(page.html).toMatch(/name="email" type="email"/);
  });

  it('a plain post answers the same for known and unknown addresses', async () => {
    const { email } = await shop.register();
    for (const address of [email, 'nobody-plain@example.com']) {
      const res = await shop.fetch('/forgot-password', form({ email: address }));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/forgot-password?sent=1');
    }
    expect(await resetJobsTo(email)).toHaveLength(1);
    const sent = await render('/forgot-password?sent=1');
    expect(sent.html).toContain('Check your email.');
    expect(sent.html).toContain('If an account has that address');
    const invalid = await shop.fetch('/forgot-password', form({ email: 'not an address' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toMatch(/name="email"[^>]*value="not an address"[^>]*aria-invalid="true"/);
  });

  it('/reset-password: the form for a working link, a clear message for a used or expired one', async () => {
    const account = await shop.register();
    const token = await emailedToken(account.email);
    const page = await render(`/reset-password?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form[^>]*method="post"[^>]*action="\/reset-password"/);
    expect(page.html).toMatch(new RegExp(`<input[^>]*type="hidden" name="token" value="${token}"`));
    expect(page.html).toMatch(/name="password" type="password" autocomplete="new-password"/);
    expect(page.html).toMatch(/name="confirmPassword" type="password"/);
    expect(page.html).toContain(account.email);

    for (const path of ['/reset-password?token=made-up', '/reset-password']) {
      const bad = await render(path);
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('This password reset link has expired or has already been used.');
      expect(bad.html).toContain('href="/forgot-password"');
      expect(bad.html).not.toContain('action="/reset-password"');
    }

    // Plain posts: a mismatch shows beside its field (the link still works), then the reset.
    const mismatch = await shop.fetch('/reset-password', form({ token, password: NEW_PASSWORD, confirmPassword: 'not the same' }));
    expect(mismatch.status).toBe(400);
    const html = await mismatch.text();
    expect(html).toMatch(/name="confirmPassword"[^>]*aria-invalid="true"/);
    expect(html).toContain('must match the password');
    expect(html).not.toContain(NEW_PASSWORD);

    const done = await shop.fetch('/reset-password', form({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, account.cookie));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account?saved=password-reset');
    const cookie = sessionCookieOf(done)!;
    expect(await me(cookie)).toMatchObject({ email: account.email });
    expect(await me(account.cookie)).toBeNull();
    const accountPage = await shop.fetch('/account?saved=password-reset', { headers: { cookie } });
    expect(await accountPage.text()).toContain('Your new password is set and you are signed in.');

    // The same link again, opened or posted.
    expect((await render(`/reset-password?token=${token}`)).html).toContain('has expired or has already been used');
    const reused = await shop.fetch('/reset-password', form({ token, password: 'another password', confirmPassword: 'another password' }));
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('has expired or has already been used');
  });
});
