// The storefront's look, measured in a real browser: a phone sees products in its
// first screen, cards of a row line up (same height, prices at the same height),
// and the footer's links are reached with the keyboard.
import { describe, expect, it } from 'bun:test';
import { browserAndShop } from '../server/testing/browser.ts';

const env = browserAndShop();

async function open(path: string, viewport: { width: number; height: number }) {
  const context = await env.browser.newContext({ viewport });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  await page.goto(`${env.shop.url}${path}`, { waitUntil: 'networkidle' });
  return { context, page };
}

describe('home page on a phone (375 × 667)', () => {
  it('shows the first product card within the first screen, below the hero', async () => {
    const { context, page } = await open('/', { width: 375, height: 667 });
    try {
      const { hero, card } = await page.evaluate(() => ({
        hero: document.querySelector('h1')!.getBoundingClientRect().bottom,
        card: document.querySelector('.product-card')!.getBoundingClientRect().top,
      }));
      expect(hero).toBeLessThan(card);
      expect(card).toBeLessThan(667);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('product cards at 1280 px', () => {
  for (const path of ['/', '/category/apparel', '/category/books']) {
    it(`are as tall as each other in a row, with prices and buttons level (${path})`, async () => {
      const { context, page } = await open(path, { width: 1280, height: 900 });
      try {
        const rows = await page.evaluate(() => {
          const byRow = new Map<number, { height: number; price: number; button: number | null }[]>();
          for (const card of document.querySelectorAll<HTMLElement>('.product-card')) {
            const box = card.getBoundingClientRect();
            const row = byRow.get(Math.round(box.top)) ?? [];
            const button = card.querySelector('button');
            row.push({
              height: Math.round(box.height),
              price: Math.round(card.querySelector('.product-price')!.getBoundingClientRect().top),
              button: button ? Math.round(button.getBoundingClientRect().bottom) : null,
            });
            byRow.set(Math.round(box.top), row);
          }
          return [...byRow.values()];
        });
        expect(rows.length).toBeGreaterThan(1);
        expect(rows[0]!.length).toBe(4);
        for (const row of rows) {
          expect(new Set(row.map((c) => c.height)).size).toBe(1);
          expect(new Set(row.map((c) => c.price)).size).toBe(1);
          expect(new Set(row.flatMap((c) => (c.button === null ? [] : [c.button]))).size).toBeLessThanOrEqual(1);
        }
      } finally {
        await context.close();
      }
    }, 30_000);
  }
});

describe('footer', () => {
  it('takes keyboard focus link by link, and Enter opens a help page', async () => {
    const { context, page } = await open('/shipping', { width: 1280, height: 900 });
    try {
      // Tab from the last control before the footer through everything in it.
      await page.locator('main a').last().focus();
      const reached: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => {
          const e = document.activeElement;
          return e?.closest('footer') ? e.getAttribute('href') : null;
        });
        if (href) reached.push(href);
      }
      for (const href of ['/category/apparel', '/shipping', '/returns', '/contact', '/about']) expect(reached).toContain(href);
      await page.locator('footer').getByRole('link', { name: 'Returns' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${env.shop.url}/returns`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Returns & refunds');
    } finally {
      await context.close();
    }
  }, 30_000);
});
