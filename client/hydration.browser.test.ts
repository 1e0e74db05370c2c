// Hydration must adopt the server's DOM, not rebuild parts of it: a mismatch of
// hydration keys shows up as duplicated elements (a second "Sign out" button once
// happened this way, for customers only). Compared page by page, for a signed-out
// visitor, a customer and an administrator.
import { describe, expect, it } from 'bun:test';
import { browserAndShop, signedInCookies, trpcPost } from '../server/testing/browser.ts';

const env = browserAndShop();
const PAGES = ['/', '/category/apparel?sort=name', '/product/cafe-creme-espresso-beans', '/search?q=coffee', '/cart', '/account', '/account?saved=profile', '/sign-in', '/admin/products', '/admin/products/1', '/admin/products/new', '/no-such-page'];

describe('hydration', () => {
  for (const who of ['visitor', 'customer', 'admin'] as const) {
  it(`keeps exactly the elements the server rendered (no duplicate ids), with the cart badge and no extra request (${who})`, async () => {
    const { header, cookies } =
      who === 'visitor' ? { header: '', cookies: [] } : await signedInCookies(env.shop, `hydration-${who}@example.com`, { admin: who === 'admin' });
    // The customer has two items: every page's header shows them, with no request of its own.
    if (who === 'customer') expect((await trpcPost(env.shop, 'cart.add', { productId: 1, quantity: 2 }, header)).status).toBe(200);
    const badge = who === 'customer' ? '2' : '0';
    // Phone width, where the header's Menu shows: the script takes over its state once hydrated.
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const problems: string[] = [];
    // The server serializes every query a page makes (cart badge included): hydration fetches nothing.
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/trpc/')) fetched.push(`${page.url()} → ${request.url()}`);
    });
    for (const path of PAGES) {
      const serverHtml = await (await fetch(`${env.shop.url}${path}`, { headers: { cookie: header } })).text();
      // <noscript> content is not part of the page when scripts run.
      const rendered = serverHtml.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
      const expected = { forms: (rendered.match(/<form\b/g) ?? []).length, buttons: (rendered.match(/<button\b/g) ?? []).length };
      await page.goto(`${env.shop.url}${path}`);
      // The admin console's frame (also its "Admins only" page) has no storefront header: no Menu, no cart badge.
      const storefront = rendered.includes('id="site-menu"');
      // Proof that the page hydrated (a click before that would be replayed, so wait for its effect).
      if (storefront) {
        await page.locator('#site-menu > summary').click();
        await page.waitForFunction(() => document.querySelector('#site-nav')?.classList.contains('block'));
      } else {
        // Solid records each server node it adopts: every one in <main> adopted means the page hydrated.
        await page.waitForFunction(() => {
          const nodes = [...document.querySelectorAll('main [data-hk]')];
          return nodes.length > 0 && nodes.every((node) => (window as any)._$HY.completed.has(node));
        });
      }
      const found = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return {
          forms: document.querySelectorAll('form').length,
          buttons: document.querySelectorAll('button').length,
          duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
        };
      });
      const count = storefront ? await page.locator('header .cart-count').textContent() : badge;
      if (count !== badge) problems.push(`${path}: cart badge shows ${count}, not ${badge}`);
      if (found.forms !== expected.forms || found.buttons !== expected.buttons || found.duplicateIds.length) {
        problems.push(`${path}: server ${JSON.stringify(expected)}, browser ${JSON.stringify(found)}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(fetched).toEqual([]);
  }, 60_000);
  }
});

describe('hydration over a slow connection', () => {
  it('waits until the whole page has arrived, then hydrates it without errors', async () => {
    // A proxy that sends each page in two parts with a pause between them, as a slow
    // network does: the client script (already fetched) must not run on half a page.
    const proxy = Bun.serve({
      port: 0,
      async fetch(request) {
        const url = new URL(request.url);
        const upstream = await fetch(`${env.shop.url}${url.pathname}${url.search}`, { headers: request.headers });
        const headers = new Headers(upstream.headers);
        headers.delete('content-length');
        headers.delete('content-encoding');
        if (!headers.get('content-type')?.startsWith('text/html')) return new Response(upstream.body, { status: upstream.status, headers });
        const html = await upstream.text();
        const cut = html.indexOf('<main');
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode(html.slice(0, cut)));
            await Bun.sleep(500);
            controller.enqueue(new TextEncoder().encode(html.slice(cut)));
            controller.close();
          },
        });
        return new Response(body, { status: upstream.status, headers });
      },
    });
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      for (const path of ['/', '/product/cafe-creme-espresso-beans']) {
        await page.goto(`${proxy.url.origin}${path}`);
        expect({ path, errors }).toEqual({ path, errors: [] });
        await page.locator('#site-menu > summary').click();
        await page.waitForFunction(() => document.querySelector('#site-nav')?.classList.contains('block'));
      }
    } finally {
      await context.close();
      await proxy.stop(true);
    }
  }, 30_000);
});
