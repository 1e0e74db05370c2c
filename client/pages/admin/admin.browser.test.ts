// The admin product forms in a real browser, with JavaScript: the same FormActions
// as the plain posts, run through the tRPC client.
import { describe, expect, it } from 'bun:test';
import { browserAndShop } from '../../../server/testing/browser.ts';

const env = browserAndShop();

/** An admin account's session cookie, for the browser context. */
async function adminCookie() {
  const email = 'browser-admin@example.com';
  const password = 'correct horse battery';
  const res = await fetch(`${env.shop.url}/trpc/user.register`, {
    method: 'POST',
    headers: { origin: env.shop.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, confirmPassword: password }),
  });
  expect(res.status).toBe(200);
  await env.shop.db.updateTable('users').set({ role: 'admin' }).where('email', '=', email).execute();
  const [name, value] = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('gomall_session='))!.split('=');
  return { name: name!, value: value!, url: env.shop.url };
}

describe('admin product forms in Chromium', () => {
  it('creates a product, shows a bad price beside its field, adjusts stock and archives, all through tRPC', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addCookies([await adminCookie()]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const calls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/trpc/') && request.method() === 'POST') calls.push(path.slice('/trpc/'.length));
    });

    await page.goto(`${env.shop.url}/admin/products/new`, { waitUntil: 'networkidle' });
    await page.getByLabel('Name', { exact: true }).fill('Browser Mug');
    await page.getByLabel('Price', { exact: true }).fill('12.3x');
    await page.getByLabel('Apparel').check();
    await page.getByRole('button', { name: 'Create product' }).click();
    const price = page.getByLabel('Price', { exact: true });
    await page.waitForFunction(() => document.querySelector('input[name="price"]')?.getAttribute('aria-invalid') === 'true');
    await expect(page.locator(`#${await price.getAttribute('aria-describedby')}`).textContent()).resolves.toBe(
      'must be an amount in dollars, like 24.50',
    );
    expect(page.url()).toBe(`${env.shop.url}/admin/products/new`);
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Browser Mug');

    await price.fill('12.30');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/admin\/products\/\d+\?saved=created$/);
    await page.getByRole('status').filter({ hasText: 'Created.' }).waitFor();
    expect(calls).toEqual(['admin.product.create']);
    await expect(page.getByLabel('Price', { exact: true }).inputValue()).resolves.toBe('12.30');

    await page.waitForLoadState('networkidle');
    await page.getByLabel('Change (use a minus sign to remove)').fill('5');
    await page.getByLabel('Reason').fill('First delivery');
    await page.getByRole('button', { name: 'Adjust stock' }).click();
    await page.waitForURL(/\?saved=stock$/);
    await page.getByRole('heading', { name: 'Stock: 5' }).waitFor();
    await page.getByRole('cell', { name: 'First delivery' }).waitFor();

    await page.waitForLoadState('networkidle');
    // Archiving asks first: declining changes nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Archive product' }).click();
    await page.waitForLoadState('networkidle');
    await page.getByRole('heading', { name: 'Listed' }).waitFor();
    expect(calls).toEqual(['admin.product.create', 'admin.product.adjustStock']);
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Archive product' }).click();
    await page.waitForURL(/\?saved=archived$/);
    await page.getByRole('heading', { name: 'Archived' }).waitFor();
    expect(question).toBe('Archive Browser Mug? Shoppers will no longer see it.');
    expect(calls).toEqual(['admin.product.create', 'admin.product.adjustStock', 'admin.product.archive']);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});
