// The head tags in a real browser: hydration keeps the server's tags without adding
// copies, and moving to another page inside the app swaps them for that page's.
import { describe, expect, it } from 'bun:test';
import type { Page } from 'playwright-core';
import { browserAndShop } from '../../server/testing/browser.ts';

const env = browserAndShop();

/** What the document's head says about the page, each tag counted. */
const headTags = (page: Page) =>
  page.evaluate(() => {
    const all = (selector: string, attribute: string) => [...document.head.querySelectorAll(selector)].map((e) => e.getAttribute(attribute));
    return {
      titles: all('title', 'data-sm').length,
      title: document.title,
      canonical: all('link[rel="canonical"]', 'href'),
      ogUrl: all('meta[property="og:url"]', 'content'),
      ogTitle: all('meta[property="og:title"]', 'content'),
      robots: all('meta[name="robots"]', 'content'),
    };
  });

describe('head tags in the browser', () => {
  it('keep one of each through hydration and follow in-app navigation', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    context.setDefaultTimeout(5_000);
    try {
      const page = await context.newPage();
      await page.goto(`${env.shop.url}/`);
      // Proof that the page hydrated: the Menu button works through the script.
      await page.locator('#site-menu > summary').click();
      await page.waitForFunction(() => document.querySelector('#site-nav')?.classList.contains('block'));
      expect(await headTags(page)).toEqual({
        titles: 1,
        title: 'GoMall — shop everyday essentials',
        canonical: [`${env.shop.url}/`],
        ogUrl: [`${env.shop.url}/`],
        ogTitle: ['GoMall — shop everyday essentials'],
        robots: [],
      });

      await page.locator('main a[href="/category/coffee-tea"]').click();
      await page.waitForFunction(() => document.title.startsWith('Coffee & Tea'));
      expect(await headTags(page)).toMatchObject({
        titles: 1,
        canonical: [`${env.shop.url}/category/coffee-tea`],
        ogUrl: [`${env.shop.url}/category/coffee-tea`],
        ogTitle: ['Coffee & Tea'],
        robots: [],
      });

      await page.locator('#site-search').fill('espresso');
      await page.locator('#site-search').press('Enter');
      await page.waitForFunction(() => document.title.startsWith('Search: espresso'));
      expect(await headTags(page)).toMatchObject({ titles: 1, canonical: [], ogUrl: [], robots: ['noindex'] });

      // A page whose tags wait for its data, loaded afresh: still one of each once hydrated.
      await page.goto(`${env.shop.url}/product/cafe-creme-espresso-beans`);
      await page.locator('#site-menu > summary').click();
      await page.waitForFunction(() => document.querySelector('#site-nav')?.classList.contains('block'));
      const product = `${env.shop.url}/product/cafe-creme-espresso-beans`;
      expect(await headTags(page)).toMatchObject({ titles: 1, canonical: [product], ogUrl: [product], ogTitle: ['Café Crème Espresso Beans'], robots: [] });
    } finally {
      await context.close();
    }
  }, 30_000);
});
