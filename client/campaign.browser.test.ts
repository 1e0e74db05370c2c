// The campaign console in a real browser: the compose form's live preview follows
// what is typed (the framed email, served under its own policy, without piling up
// history entries), the draft is saved, sending asks for the confirmation first, and
// the email's unsubscribe link works (with JavaScript: through tRPC).
import { describe, expect, it } from 'bun:test';
import { browserAndShop, signedInCookies, pageErrors } from '../server/testing/browser.ts';

const env = browserAndShop();

describe('campaigns in Chromium', () => {
  it('composes with a live preview, saves a draft and sends it after confirming', async () => {
    const admin = await signedInCookies(env.shop, 'campaign-admin@example.com', { admin: true });
    await env.shop.db.updateTable('users').set({ marketingOptIn: 1 }).where('email', '=', 'campaign-admin@example.com').execute();
    const context = await env.browser.newContext();
    await context.addCookies(admin.cookies);
    const page = await context.newPage();
    const errors = pageErrors(page);
    const isPreview = (url: string) => new URL(url).pathname === '/admin/campaigns/preview';

    const first = page.waitForResponse((res) => isPreview(res.url()));
    await page.goto(`${env.shop.url}/admin/campaigns`, { waitUntil: 'networkidle' });
    expect(await (await first).text()).toContain('The body of the email shows here as you write its HTML.');
    // With JavaScript the preview follows the typing: no Preview button.
    await expect(page.getByRole('button', { name: 'Preview' }).count()).resolves.toBe(0);
    const entries = await page.evaluate(() => window.history.length);

    await page.getByLabel('Subject').fill('Spring sale');
    const typed = page.waitForResponse(async (res) => isPreview(res.url()) && (await res.text()).includes('<h1>Spring</h1>'));
    await page.getByLabel(/^HTML body/).fill('<h1>Spring</h1><p>All mugs 10% off.</p>');
    const shown = await typed;
    expect(shown.headers()['content-security-policy']).toStartWith("default-src 'none'");
    expect(await shown.text()).toContain('/unsubscribe?token=preview');
    await page.getByLabel(/^Plain-text body/).fill('Spring\n\nAll mugs 10% off.');
    await page.waitForTimeout(600);
    await expect(page.locator('iframe[name="campaign-preview"]').count()).resolves.toBe(1);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/campaigns\/\d+\?saved=created$/);
    await page.getByText('The campaign is saved as a draft.').waitFor();
    await page.getByRole('button', { name: 'Send campaign' }).click();
    await page.getByText('Tick the box to confirm').waitFor();
    await page.getByLabel(/^Yes, send “Spring sale”/).check();
    await page.getByRole('button', { name: 'Send campaign' }).click();
    await page.waitForURL(/\/admin\/campaigns\/\d+\?saved=sending$/);
    await page.getByRole('heading', { name: 'Delivery' }).waitFor();

    // The runner polls every second: the email arrives shortly after.
    let delivered = 0;
    for (let tries = 0; tries < 20 && !delivered; tries++) {
      await page.waitForTimeout(500);
      delivered = (await env.shop.db.selectFrom('mailbox').select('id').where('subject', '=', 'Spring sale').execute()).length;
    }
    expect(delivered).toBe(1);

    // The subscriber follows the email's unsubscribe link: a page that asks, then a button.
    const [message] = await env.shop.db.selectFrom('mailbox').select('headers').where('subject', '=', 'Spring sale').execute();
    const header = JSON.parse(message!.headers)['List-Unsubscribe'] as string;
    // The test server listens on a port of its choosing, which PUBLIC_URL cannot name: the path and token are the link.
    const { pathname, search } = new URL(header.slice(1, -1));
    const subscriber = await env.browser.newContext();
    const inbox = await subscriber.newPage();
    inbox.on('pageerror', (error) => errors.push(error.message));
    const unsubscribeCalls: string[] = [];
    inbox.on('request', (request) => {
      if (request.method() === 'POST') unsubscribeCalls.push(new URL(request.url()).pathname);
    });
    await inbox.goto(`${env.shop.url}${pathname}${search}`, { waitUntil: 'networkidle' });
    await inbox.getByText('Stop sending offers and news to campaign-admin@example.com?').waitFor();
    await inbox.getByRole('button', { name: 'Unsubscribe' }).click();
    await inbox.waitForURL(`${env.shop.url}/unsubscribe?done=1`);
    await inbox.getByText('You are unsubscribed.').waitFor();
    expect(unsubscribeCalls).toEqual(['/trpc/email.unsubscribe']);
    const row = await env.shop.db.selectFrom('users').select('marketingOptIn').where('email', '=', 'campaign-admin@example.com').executeTakeFirstOrThrow();
    expect(row.marketingOptIn).toBe(0);
    await subscriber.close();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
