// The admin product forms in a real browser, with JavaScript: the same FormActions
// as the plain posts, run through the tRPC client.
import { describe, expect, it } from 'bun:test';
import { browserAndShop, signedInCookies } from '../../../server/testing/browser.ts';

const env = browserAndShop();

let admins = 0;
/** A fresh admin account's session cookies, for a browser context. */
const adminCookies = async () => (await signedInCookies(env.shop, `browser-admin${++admins}@example.com`, { admin: true })).cookies;

/** Whether a product is listed (1) or archived (0), from the database. */
const active = async (id: number) =>
  (await env.shop.db.selectFrom('products').select('active').where('id', '=', id).executeTakeFirstOrThrow()).active;

describe('admin product forms in Chromium', () => {
  it('creates a product, shows a bad price beside its field, adjusts stock and archives after confirming, all through tRPC', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addCookies(await adminCookies());
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
    // Archiving asks first, in a step of its own; cancelling changes nothing.
    await page.getByRole('link', { name: 'Archive product…' }).click();
    await page.waitForURL(/\?confirm=archive#archive-confirm$/);
    const question = page.getByRole('heading', { name: 'Archive Browser Mug?' });
    await expect(question.evaluate((h) => h === document.activeElement)).resolves.toBe(true);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    await page.getByRole('heading', { name: 'Listed' }).waitFor();
    expect(calls).toEqual(['admin.product.create', 'admin.product.adjustStock']);

    await page.getByRole('link', { name: 'Archive product…' }).click();
    await page.getByRole('button', { name: 'Yes, archive product' }).click();
    await page.waitForURL(/\?saved=archived$/);
    await page.getByRole('heading', { name: 'Archived' }).waitFor();
    await page.getByText('Archived: not visible in the shop.').waitFor();
    expect(calls).toEqual(['admin.product.create', 'admin.product.adjustStock', 'admin.product.archive']);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('archives without JavaScript only after the confirmation step', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await context.addCookies(await adminCookies());
    const page = await context.newPage();
    const { id } = await env.shop.db.selectFrom('products').select('id').where('slug', '=', 'slim-stretch-chino-pants').executeTakeFirstOrThrow();
    await page.goto(`${env.shop.url}/admin/products/${id}`);
    await page.getByRole('link', { name: 'Archive product…' }).click();
    await page.waitForURL(/\?confirm=archive#archive-confirm$/);
    await expect(active(id)).resolves.toBe(1);
    await page.getByRole('button', { name: 'Yes, archive product' }).click();
    await page.waitForURL(/\?saved=archived$/);
    await page.getByRole('heading', { name: 'Archived' }).waitFor();
    await expect(active(id)).resolves.toBe(0);
    await env.shop.db.updateTable('products').set({ active: 1 }).where('id', '=', id).execute();
    await context.close();
  }, 30_000);

  it('previews the picture as its address is typed, and says when there is none to show', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(await adminCookies());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { id } = await env.shop.db.selectFrom('products').select('id').where('slug', '=', 'organic-cotton-pocket-tee').executeTakeFirstOrThrow();
    await page.goto(`${env.shop.url}/admin/products/${id}`, { waitUntil: 'networkidle' });
    const preview = page.locator('figure.image-preview');
    const shown = () => preview.locator('img').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? new URL(img.src).pathname : ''));
    await expect(shown()).resolves.toBe('/img/products/organic-cotton-pocket-tee.svg');
    await expect(preview.locator('figcaption').textContent()).resolves.toBe('Current picture');

    const field = page.getByLabel('Image URL (the current picture stays when empty)');
    await field.fill('/img/products/waxed-canvas-chore-jacket.svg');
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('figure.image-preview img')?.src.endsWith('/waxed-canvas-chore-jacket.svg'));
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('figure.image-preview img')?.naturalWidth ?? 0) > 0);
    await expect(preview.locator('figcaption').textContent()).resolves.toBe('Preview');

    await field.fill('/no/such/picture.png');
    await preview.getByText('No picture at this address: check it is right and public.').waitFor();
    await expect(preview.locator('img').count()).resolves.toBe(0);

    await field.fill('ftp://example.com/a.png');
    await preview.getByText('Cannot preview: the address must be a path starting with / or an https:// address.').waitFor();

    // Emptied, the field keeps the saved picture, and the preview shows it again.
    await field.fill('');
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('figure.image-preview img')?.src.endsWith('/organic-cotton-pocket-tee.svg'));
    await expect(preview.locator('figcaption').textContent()).resolves.toBe('Current picture');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});

describe('admin product list in Chromium', () => {
  /** The list's prices and the price heading's aria-sort. */
  const read = (page: import('playwright-core').Page) =>
    page.evaluate(() => ({
      prices: [...document.querySelectorAll('tr.admin-product-row td:nth-child(3)')].map((td) => Number(td.textContent!.replace(/[$,]/g, ''))),
      sort: document.querySelector('th:nth-child(3)')?.getAttribute('aria-sort') ?? null,
    }));

  for (const javaScriptEnabled of [true, false]) {
    it(`sorts by price from the column heading, either way, keeping the search (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
      await context.addCookies(await adminCookies());
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/admin/products?q=sweatshirt`, { waitUntil: 'networkidle' });
      await expect(read(page)).resolves.toMatchObject({ sort: null });

      await page.getByRole('link', { name: 'Price' }).click();
      await page.waitForURL(/\?q=sweatshirt&sort=price&dir=asc$/);
      await page.waitForFunction(() => document.querySelector('th:nth-child(3)')?.getAttribute('aria-sort') === 'ascending');
      const ascending = (await read(page)).prices;
      expect(ascending.length).toBeGreaterThan(1);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

      await page.getByRole('link', { name: 'Price' }).click();
      await page.waitForURL(/\?q=sweatshirt&sort=price&dir=desc$/);
      await page.waitForFunction(() => document.querySelector('th:nth-child(3)')?.getAttribute('aria-sort') === 'descending');
      expect((await read(page)).prices).toEqual([...ascending].reverse());
      await context.close();
    }, 30_000);
  }
});
