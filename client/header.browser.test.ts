// The header in a real browser: two rows at most on a phone however signed in, a
// category menu that opens without JavaScript (and says it is open with it), and
// the cart and account links flush with the right edge of the content on a desktop.
import { describe, expect, it } from 'bun:test';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAndShop, signedInCookies } from '../server/testing/browser.ts';

const env = browserAndShop();

type Who = 'visitor' | 'customer' | 'admin';
let accounts = 0;

async function contextFor(who: Who, options: { width: number; javaScriptEnabled?: boolean }): Promise<BrowserContext> {
  const context = await env.browser.newContext({ viewport: { width: options.width, height: 800 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  // A failed wait fails its test, not the whole file (a test timeout ends the browser).
  context.setDefaultTimeout(5_000);
  if (who !== 'visitor') {
    const { cookies } = await signedInCookies(env.shop, `header-${who}-${++accounts}@example.com`, { admin: who === 'admin' });
    await context.addCookies(cookies);
  }
  return context;
}

/** The rows the header's visible controls sit on (controls whose vertical middles are within 12 px share a row). */
async function headerRows(page: Page): Promise<{ rows: string[][]; height: number; overflow: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('header')!;
    const controls = [...header.querySelectorAll<HTMLElement>('a, button, input, summary, select')].filter((e) => e.checkVisibility() && e.getClientRects().length > 0);
    const rows: { middle: number; names: string[] }[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const middle = box.top + box.height / 2;
      const name = (control.getAttribute('aria-label') || control.textContent || control.getAttribute('placeholder') || control.tagName).trim().replace(/\s+/g, ' ');
      const row = rows.find((r) => Math.abs(r.middle - middle) <= 12);
      if (row) row.names.push(name);
      else rows.push({ middle, names: [name] });
    }
    rows.sort((a, b) => a.middle - b.middle);
    return { rows: rows.map((r) => r.names), height: header.getBoundingClientRect().height, overflow: header.scrollWidth - header.clientWidth };
  });
}

describe('header on a phone (375 px)', () => {
  for (const who of ['visitor', 'customer', 'admin'] as const) {
    it(`keeps to two rows (logo, links and menu; then search) for a ${who}`, async () => {
      const context = await contextFor(who, { width: 375 });
      try {
        const page = await context.newPage();
        await page.goto(`${env.shop.url}/`);
        const { rows, height, overflow } = await headerRows(page);
        expect({ who, rows: rows.length, height: height <= 120, overflow }).toEqual({ who, rows: 2, height: true, overflow: 0 });
        expect(rows[0]![0]).toBe('GoMall');
        expect(rows[0]!.some((name) => /^Cart ?\d+/.test(name))).toBe(true);
        expect(rows[0]).toContain('Menu');
        expect(rows[1]).toContain('Search products');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      } finally {
        await context.close();
      }
    }, 30_000);
  }

  it('reaches the account links of an admin from the header', async () => {
    const context = await contextFor('admin', { width: 375, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/`);
      await page.locator('header').getByText('Account', { exact: true }).click();
      for (const name of ['Orders', 'Admin']) expect(await page.locator('header').getByRole('link', { name, exact: true }).isVisible()).toBe(true);
      expect(await page.locator('header').getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('the phone menu', () => {
  it('opens without JavaScript and leads to a category', async () => {
    const context = await contextFor('visitor', { width: 375, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/`);
      const nav = page.getByRole('navigation', { name: 'Categories' });
      expect(await nav.isVisible()).toBe(false);
      await page.locator('header').getByText('Menu', { exact: true }).click();
      await nav.getByRole('link', { name: 'Apparel' }).click();
      await page.waitForURL(`${env.shop.url}/category/apparel`);
      expect(await page.getByRole('heading', { name: 'Apparel', level: 1 }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('tells assistive technology whether it is open, and closes once a category is chosen (with JavaScript)', async () => {
    const context = await contextFor('visitor', { width: 375 });
    try {
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/`, { waitUntil: 'networkidle' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      /** Chromium's own accessibility tree: the expanded state of the control named Menu. */
      const expanded = async () => {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value: string }; ignored: boolean; properties?: { name: string; value: { value: unknown } }[] }[] };
        const menu = nodes.find((n) => !n.ignored && n.name?.value === 'Menu');
        return menu?.properties?.find((p) => p.name === 'expanded')?.value.value;
      };
      expect(await expanded()).toBe(false);
      await page.locator('header').getByText('Menu', { exact: true }).click();
      const nav = page.getByRole('navigation', { name: 'Categories' });
      await nav.waitFor();
      expect(await expanded()).toBe(true);
      await nav.getByRole('link', { name: 'Books' }).click();
      await page.waitForURL(`${env.shop.url}/category/books`);
      await nav.waitFor({ state: 'hidden' });
      expect(await expanded()).toBe(false);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('header on a desktop (1280 px)', () => {
  for (const who of ['visitor', 'admin'] as const) {
    it(`ends its links at the right edge of the content column (${who})`, async () => {
      const context = await contextFor(who, { width: 1280 });
      try {
        const page = await context.newPage();
        await page.goto(`${env.shop.url}/`);
        const edges = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const right = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
          const header = document.querySelector('header')!;
          const controls = [...header.querySelectorAll<HTMLElement>('a, button, summary')].filter((e) => e.checkVisibility());
          const logo = controls[0]!.getBoundingClientRect();
          // The controls on the logo's row.
          const firstRow = controls.filter((e) => Math.abs(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2 - (logo.top + logo.height / 2)) <= 12);
          return { content: Math.round(right), links: Math.round(Math.max(...firstRow.map((e) => e.getBoundingClientRect().right))) };
        });
        expect(edges.links).toBe(edges.content);
        // The categories are on show, no menu button.
        expect(await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Apparel' }).isVisible()).toBe(true);
        expect(await page.locator('header').getByText('Menu', { exact: true }).isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    }, 30_000);
  }
});
