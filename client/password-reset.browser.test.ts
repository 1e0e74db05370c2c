// A forgotten password in a real browser against the real server (its job runner
// started, as in `npm run dev`): from the sign-in page to "Forgot your password?",
// the reset email read in /dev/mailbox, its link followed to set a new password
// (signed in, the other session signed out), and the same link refused after.
import { describe, expect, it } from 'bun:test';
import { browserAndShop, signedInCookies, pageErrors } from '../server/testing/browser.ts';

const env = browserAndShop();

describe('forgotten password in Chromium', () => {
  it('resets the password through the emailed link, once', async () => {
    const email = 'forgetful@example.com';
    // Signed in on another device, which the reset must sign out.
    const otherDevice = await signedInCookies(env.shop, email);
    const me = async (cookie: string) => ((await (await fetch(`${env.shop.url}/trpc/user.me`, { headers: { cookie } })).json()) as any).result.data;
    expect(await me(otherDevice.header)).toMatchObject({ email });

    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    const calls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/trpc/') && request.method() === 'POST') calls.push(path.slice('/trpc/'.length));
    });

    await page.goto(`${env.shop.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${env.shop.url}/forgot-password`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.waitForURL(`${env.shop.url}/forgot-password?sent=1`);
    await page.getByText('Check your email.').waitFor();
    expect(calls).toContain('user.requestPasswordReset');

    // The runner polls every second: the email arrives shortly after.
    const row = page.locator('tr.mailbox-row', { hasText: email }).filter({ hasText: 'Reset your GoMall password' });
    for (let tries = 0; tries < 20 && !(await row.count()); tries++) {
      await page.goto(`${env.shop.url}/dev/mailbox`, { waitUntil: 'networkidle' });
      if (!(await row.count())) await page.waitForTimeout(500);
    }
    await expect(row.count()).resolves.toBe(1);
    await row.getByRole('link', { name: 'Reset your GoMall password' }).click();
    await page.waitForURL(/\/dev\/mailbox\/\d+$/);
    const text = (await page.locator('pre.message-text').textContent()) ?? '';
    const emailed = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
    expect(emailed).toBeDefined();
    // The test server listens on a port of its choosing, which PUBLIC_URL cannot name: the path and token are the link.
    const { pathname, search } = new URL(emailed!);
    const link = `${env.shop.url}${pathname}${search}`;

    await page.goto(link, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a fresh passphrase');
    await page.getByLabel('Confirm new password').fill('a different one');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('must match the password').waitFor();
    await page.getByLabel('Confirm new password').fill('a fresh passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL(`${env.shop.url}/account?saved=password-reset`);
    await page.getByText('Your new password is set and you are signed in.').waitFor();
    await page.getByText(`Signed in as ${email}`).waitFor();
    expect(calls.filter((c) => c === 'user.resetPassword')).toHaveLength(2);
    // The other device is signed out; the new password signs in.
    expect(await me(otherDevice.header)).toBeNull();
    const signIn = await fetch(`${env.shop.url}/trpc/user.login`, {
      method: 'POST',
      headers: { origin: env.shop.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a fresh passphrase' }),
    });
    expect(signIn.status).toBe(200);

    // The link again: used up.
    await page.goto(link, { waitUntil: 'networkidle' });
    await page.getByText('This password reset link has expired or has already been used.').waitFor();
    await expect(page.getByRole('button', { name: 'Set new password' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).resolves.toBe('/forgot-password');
    // A 400 page logs a failed resource load on the console; nothing else may.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  }, 60_000);
});
