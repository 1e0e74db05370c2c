// Email in a real browser against the real server (its job runner started, as in
// `npm run dev`): a shopper signs up, and the welcome email shows up in the
// development mailbox, its HTML rendered in the sandboxed frame with its styles.
import { describe, expect, it } from 'bun:test';
import { browserAndShop, pageErrors } from '../server/testing/browser.ts';

const env = browserAndShop();

describe('email in Chromium', () => {
  it('signs up, then finds the welcome email in /dev/mailbox and reads both of its parts', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);

    const name = '<b>Ada</b> & co';
    await page.goto(`${env.shop.url}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByLabel('Name (optional)').fill(name);
    await page.getByLabel('Email', { exact: true }).fill('mail-browser@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Confirm password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${env.shop.url}/`);

    // The runner polls every second: the email arrives shortly after the sign-up.
    const row = page.locator('tr.mailbox-row', { hasText: 'mail-browser@example.com' });
    for (let tries = 0; tries < 20 && !(await row.count()); tries++) {
      await page.goto(`${env.shop.url}/dev/mailbox`, { waitUntil: 'networkidle' });
      if (!(await row.count())) await page.waitForTimeout(500);
    }
    await expect(row.count()).resolves.toBe(1);
    const isFrame = (url: string) => /\/dev\/mailbox\/\d+\/html$/.test(new URL(url).pathname);
    const framed = page.waitForResponse((res) => isFrame(res.url()));
    await row.getByRole('link', { name: 'Welcome to GoMall' }).click();
    await page.waitForURL(/\/dev\/mailbox\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Welcome to GoMall' }).waitFor();

    // The plain text carries the name as typed.
    await expect(page.locator('pre.message-text').textContent()).resolves.toContain(`Hi ${name},`);
    // The HTML part loads in a sandboxed frame from its own route, under its own strict policy,
    // with the name as text, never as markup. (Playwright cannot script a frame without
    // allow-scripts reliably, so the frame's response is what is checked.)
    const id = /\/dev\/mailbox\/(\d+)$/.exec(page.url())![1];
    const frame = page.locator('iframe.message-html');
    await expect(frame.getAttribute('src')).resolves.toBe(`/dev/mailbox/${id}/html`);
    await expect(frame.getAttribute('sandbox')).resolves.toBe('');
    const res = await framed;
    // Requested by the page's frame, not by the page itself.
    expect(res.request().frame().parentFrame()).toBe(page.mainFrame());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toStartWith("default-src 'none'; style-src 'unsafe-inline'");
    const body = await res.text();
    expect(body).toContain('Hi &lt;b&gt;Ada&lt;/b&gt; &amp; co,');
    expect(body).not.toContain('<b>Ada');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
