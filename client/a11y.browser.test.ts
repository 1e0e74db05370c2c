// Accessibility of the storefront's pages, checked by axe-core in Chromium
// (WCAG 2.1 A and AA rules) at phone and desktop widths, and no page wider than the screen.
import { describe, expect, it } from 'bun:test';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const AXE = require.resolve('axe-core/axe.min.js');
const PAGES = ['/', '/category/apparel', '/product/cafe-creme-espresso-beans', '/search?q=coffee', '/search?q=zzzz', '/cart', '/sign-in', '/sign-up', '/about', '/shipping', '/returns', '/contact', '/no-such-page'];
// Seen by a signed-in shopper with something in the cart (an administrator, so the admin console too).
const ACCOUNT_PAGES = ['/account', '/cart', '/sign-in?next=%2Fcart', '/admin/products', '/admin/products?lowStock=1', '/admin/products/new', '/admin/products/1'];

let accounts = 0;
/** A signed-in administrator with one product in the cart: their cookies, for the browser context. */
async function shopperCookies() {
  const { header, cookies } = await signedInCookies(env.shop, `a11y${++accounts}@example.com`, { admin: true });
  await trpcPost(env.shop, 'cart.add', { productId: 1, quantity: 2 }, header);
  // A stock history row on /admin/products/1 (its wide table once pushed the page sideways on phones).
  await trpcPost(env.shop, 'admin.product.adjustStock', { id: 1, delta: 1, reason: 'Found one more in the back room' }, header);
  return cookies;
}

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility (axe-core)', () => {
  for (const width of [360, 1280]) {
    it(`finds no WCAG A/AA violations at ${width}px`, async () => {
      // axe is injected as an inline script, which the pages' CSP would (rightly) block.
      const context = await env.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const found: string[] = [];
      const visits = [...PAGES.map((path) => ({ path, signedIn: false })), ...ACCOUNT_PAGES.map((path) => ({ path, signedIn: true }))];
      for (const { path, signedIn } of visits) {
        if (signedIn && !(await context.cookies()).length) await context.addCookies(await shopperCookies());
        await page.goto(`${env.shop.url}${path}`);
        if (path === '/account') expect(await page.getByRole('heading', { name: 'Your account' }).isVisible()).toBe(true);
        if (path === '/admin/products/1') expect(await page.getByLabel('Name').first().inputValue()).not.toBe('');
        await page.addScriptTag({ path: AXE });
        const violations = (await page.evaluate(async () => {
          const result = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
          return result.violations;
        })) as Violation[];
        for (const v of violations) found.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        // Responsive: nothing makes the page wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) found.push(`${path}: scrolls sideways by ${overflow}px`);
      }
      await context.close();
      expect(found).toEqual([]);
    }, 60_000);
  }
});
