// Accounts in a real browser, with JavaScript (forms go through the tRPC client).
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { browserAndShop } from '../server/testing/browser.ts';

const env = browserAndShop();

/** Counts tRPC calls by procedure, to prove the forms did not fall back to a plain post. */
function trpcCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/trpc/') && request.method() === 'POST') calls.push(path.slice('/trpc/'.length));
  });
  return calls;
}

describe('accounts in Chromium', () => {
  it('signs up, signs out, is sent from /orders to sign in and lands back on /orders', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const calls = trpcCalls(page);

    await page.goto(`${env.shop.url}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email', { exact: true }).fill('browser@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Confirm password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${env.shop.url}/`);
    // On a phone the account links fold behind "Account".
    await page.locator('#account-menu > summary').click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(calls).toContain('user.register');

    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(calls).toContain('user.logout');

    await page.goto(`${env.shop.url}/orders`, { waitUntil: 'networkidle' });
    expect(page.url()).toBe(`${env.shop.url}/sign-in?next=%2Forders`);
    await page.getByLabel('Email', { exact: true }).fill('browser@example.com');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('The email or password is not correct.');
    expect(page.url()).toBe(`${env.shop.url}/sign-in?next=%2Forders`);

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${env.shop.url}/orders`);
    expect(calls.filter((c) => c === 'user.login')).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('shows sign-up errors next to their fields without leaving the page', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.shop.url}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email', { exact: true }).fill('short@example.com');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Password', { exact: true });
    await page.waitForFunction(() => document.querySelector('input[name="password"]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = (await password.getAttribute('aria-describedby'))!;
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toBe('must be at least 8 characters');
    await expect(page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe('short@example.com');
    // With JavaScript, focus goes to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await context.close();
  }, 30_000);

  it('takes over a page re-shown after a failed plain post at the page\'s own address, keeping where to go next', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${env.shop.url}/sign-in?next=%2Faccount`);
    await page.getByLabel('Email', { exact: true }).fill('posted@example.com');
    await page.getByLabel('Password').fill('not the password');
    // A post before the page's script took over (form.submit() skips the script's handler).
    await Promise.all([page.waitForNavigation(), page.evaluate(() => HTMLFormElement.prototype.submit.call(document.querySelector('form[action="/sign-in"]')))]);
    await page.getByRole('alert').waitFor();
    expect(page.url()).toBe(`${env.shop.url}/sign-in?next=%2Faccount`);
    expect(await page.getByText('Please sign in to continue').isVisible()).toBe(true);
    expect(await page.locator('form[action="/sign-in"] input[name="next"]').inputValue()).toBe('/account');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('without JavaScript, announces a failed sign-up: focus starts on the message, the fields keep their errors', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.shop.url}/sign-up`);
    await page.getByLabel('Email', { exact: true }).fill('nojs@example.com');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Please correct the fields marked below.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect(page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe('nojs@example.com');
    await context.close();
  }, 30_000);
});
