// The admin product pages as rendered on the server, for admins and for everyone else.
// Most renders use an in-process caller with a session; the access test goes through
// HTTP with real accounts.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import type { SessionUser } from '../../../routers/context.ts';
import { ADMIN, createTestShop, CUSTOMER, type TestShop } from '../../../server/testing/test-shop.ts';
import { renderPage } from '../../entry-server.tsx';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());


async function render(path: string, session: SessionUser | null) {
  const page = await renderPage(`http://localhost${path}`, shop.caller(session));
  return { status: page.status, html: (page.head + page.body).replace(/<!--[\s\S]*?-->/g, '') };
}
const rows = (html: string) => [...html.matchAll(/<tr[^>]*class="admin-product-row[\s\S]*?href="\/admin\/products\/(\d+)"[^>]*>([^<]*)</g)].map((m) => m[2]);

describe('admin pages access', () => {
  it('tells signed-out visitors and customers that the pages are for admins only', async () => {
    for (const path of ['/admin/products', '/admin/products/new', '/admin/products/1']) {
      const anonymous = await render(path, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.html).toContain('Admins only');
      expect(anonymous.html).toContain('Please sign in with an administrator account');
      const customer = await render(path, CUSTOMER);
      expect(customer.status).toBe(403);
      expect(customer.html).toContain('Admins only');
      expect(customer.html).not.toContain('Heavyweight Crewneck Sweatshirt');
    }
  });

  it('over HTTP: sends signed-out visitors to sign in, refuses customers, serves admins', async () => {
    const anonymous = await shop.fetch('/admin/products?lowStock=1');
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/admin/products?lowStock=1')}`);

    const customer = await shop.register();
    const refused = await shop.fetch('/admin/products', { headers: { cookie: customer.cookie } });
    expect(refused.status).toBe(403);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('Admins only');
    expect(refusedHtml).not.toContain('>Admin</a>');
    // The console's frame shows a customer nothing of the console: no sections, no sign-out.
    expect(refusedHtml).not.toContain('aria-label="Admin"');
    expect(refusedHtml).not.toContain('Sign out');
    expect(await (await shop.fetch('/', { headers: { cookie: customer.cookie } })).text()).not.toMatch(/<a[^>]*href="\/admin"[^>]*>Admin<\/a>/);

    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const served = await shop.fetch('/admin/products', { headers: { cookie: admin.cookie } });
    expect(served.status).toBe(200);
    const servedHtml = await served.text();
    expect(rows(servedHtml)).toHaveLength(50);
    // The storefront's header offers the admin console to admins only.
    const storefront = await (await shop.fetch('/', { headers: { cookie: admin.cookie } })).text();
    expect(storefront).toMatch(/<a[^>]*href="\/admin"[^>]*>Admin<\/a>/);
    // The console has its own frame instead: no storefront header, a way back to the shop.
    expect(servedHtml).not.toContain('aria-label="Categories"');
    expect(servedHtml).toMatch(/<a[^>]*href="\/"[^>]*>View shop<\/a>/);

    // Admin mutations over HTTP record the signed-in admin as the actor.
    const { id } = await shop.caller().product.get({ slug: 'organic-cotton-pocket-tee' });
    const res = await shop.mutate('admin.product.adjustStock', { id, delta: -2, reason: 'Photo samples' }, admin.cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).result.data.adjustment).toMatchObject({ actorUserId: admin.user.id, delta: -2 });
    expect((await shop.mutate('admin.product.adjustStock', { id, delta: -1, reason: 'x' }, customer.cookie)).status).toBe(403);
  });
});

describe('admin layout', () => {
  let admin: SessionUser;
  beforeAll(async () => {
    const account = await shop.register({ name: 'Ada Admin' });
    await shop.makeAdmin(account.email);
    admin = { ...account.session, role: 'admin' };
  });
  const nav = (html: string) => /<nav[^>]*aria-label="Admin"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
  const current = (html: string) => [...nav(html)!.matchAll(/<a[^>]*href="([^"]+)"[^>]*aria-current="(\w+)"/g)].map((m) => [m[1], m[2]]);

  it('marks the section of the current page in its navigation', async () => {
    expect(current((await render('/admin', admin)).html)).toEqual([['/admin', 'page']]);
    expect(current((await render('/admin/products?lowStock=1', admin)).html)).toEqual([['/admin/products', 'page']]);
    // A page inside a section (one product, one order) marks the section, not as the page itself.
    expect(current((await render('/admin/products/1', admin)).html)).toEqual([['/admin/products', 'true']]);
    expect(current((await render('/admin/orders', admin)).html)).toEqual([['/admin/orders', 'page']]);
    for (const section of ['/admin', '/admin/products', '/admin/orders', '/admin/coupons', '/admin/campaigns', '/admin/jobs', '/admin/mailbox']) {
      expect(nav((await render('/admin/jobs', admin)).html)).toContain(`href="${section}"`);
    }
  });

  it("shows the signed-in admin's name, a sign-out that works without JavaScript and the way back to the shop", async () => {
    const { html } = await render('/admin/products', admin);
    expect(html).toContain('Signed in as <span class="text-white">Ada Admin</span>');
    expect(html).toMatch(/<form[^>]* method="post" action="\/sign-out"[^>]*aria-label="Sign out"/);
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>View shop<\/a>/);
    // Each page shows the sections once, from the layout.
    expect(html.match(/aria-label="Admin"/g)).toHaveLength(1);
  });

  it('gives signed-out visitors and customers the bare frame: no sections, names or sign-out', async () => {
    for (const session of [null, CUSTOMER]) {
      const { html } = await render('/admin', session);
      expect(html).toContain('Admins only');
      expect(html).not.toContain('aria-label="Admin"');
      expect(html).not.toContain('Signed in as');
      expect(html).not.toContain('Sign out');
    }
  });
});

describe('admin product list page', () => {
  it('lists products with a search form and a low-stock filter', async () => {
    const { status, html } = await render('/admin/products', ADMIN);
    expect(status).toBe(200);
    expect(rows(html)).toHaveLength(50);
    expect(html).toMatch(/<input[^>]*name="q"/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="lowStock"/);
    expect(html).toContain('href="/admin/products/new"');

    const low = await render('/admin/products?lowStock=1', ADMIN);
    const names = rows(low.html);
    expect(names).toContain('Garment-Dyed Hooded Sweatshirt');
    expect(names).toContain('Quarter-Zip Fleece Sweatshirt');
    expect(names).not.toContain('Heavyweight Crewneck Sweatshirt');

    expect(rows((await render('/admin/products?q=sweatshirt', ADMIN)).html)).toHaveLength(4);
  });

  it("shows each product's picture beside its name and a link to it in the shop", async () => {
    const { html } = await render('/admin/products?q=pocket+tee', ADMIN);
    const row = /<tr[^>]*class="admin-product-row[\s\S]*?<\/tr>/.exec(html)![0];
    // The name is beside the picture, so the picture is decorative (alt="").
    expect(row).toMatch(/<img src="\/img\/products\/organic-cotton-pocket-tee\.svg" alt(="")? width="44" height="44"/);
    expect(row).toMatch(/<a[^>]*href="\/product\/organic-cotton-pocket-tee"[^>]*>View in shop<span class="sr-only">: Organic Cotton Pocket Tee<\/span><\/a>/);
  });

  it('sorts by a column from its heading, a link that keeps the filters and starts again at page 1', async () => {
    const headers = (html: string) =>
      Object.fromEntries(
        [...html.matchAll(/<th([^>]*)><a[^>]*href="([^"]+)"[^>]*>(\w+)</g)].map((m) => [m[3], { sort: /aria-sort="(\w+)"/.exec(m[1]!)?.[1], href: m[2]!.replaceAll('&amp;', '&') }]),
      );
    // By name unless asked: the name heading says so, and offers the reverse.
    const plain = headers((await render('/admin/products', ADMIN)).html);
    expect(plain.Product).toEqual({ sort: 'ascending', href: '/admin/products?sort=name&dir=desc' });
    expect(plain.Price).toEqual({ sort: undefined, href: '/admin/products?sort=price&dir=asc' });
    expect(plain.Updated).toEqual({ sort: undefined, href: '/admin/products?sort=updated&dir=desc' });
    expect(Object.keys(plain)).toEqual(['Product', 'Price', 'Stock', 'Status', 'Updated']);

    const sorted = await render('/admin/products?q=sweatshirt&lowStock=1&includeArchived=1&page=2&sort=price&dir=desc', ADMIN);
    const h = headers(sorted.html);
    expect(h.Price).toEqual({ sort: 'descending', href: '/admin/products?q=sweatshirt&lowStock=1&includeArchived=1&sort=price&dir=asc' });
    expect(h.Product).toEqual({ sort: undefined, href: '/admin/products?q=sweatshirt&lowStock=1&includeArchived=1&sort=name&dir=asc' });
    expect(sorted.html.match(/aria-sort=/g)).toHaveLength(1);

    // The rows follow the heading: dearest first, then the reverse.
    const prices = (html: string) => [...html.matchAll(/<td class="p-2 text-right tabular-nums whitespace-nowrap">\$([\d.,]+)</g)].map((m) => Number(m[1]!.replace(',', '')));
    const desc = prices((await render('/admin/products?q=sweatshirt&sort=price&dir=desc', ADMIN)).html);
    expect(desc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(prices((await render('/admin/products?q=sweatshirt&sort=price&dir=asc', ADMIN)).html)).toEqual([...desc].reverse());
    // The filter form and the page links keep the order.
    const paged = await render('/admin/products?sort=stock&dir=desc', ADMIN);
    expect(paged.html).toMatch(/<input[^>]*type="hidden" name="sort" value="stock"/);
    expect(paged.html).toContain('href="/admin/products?sort=stock&amp;dir=desc&amp;page=2"');
    // An order the list does not know is ignored, as a bad page number is.
    const unknown = await render('/admin/products?sort=colour&dir=up', ADMIN);
    expect(unknown.status).toBe(200);
    expect(headers(unknown.html).Product!.sort).toBe('ascending');
  });

  it('shows archived products only when asked', async () => {
    const { id } = await shop.caller().product.get({ slug: 'heavyweight-crewneck-sweatshirt' });
    await shop.caller(ADMIN).admin.product.archive({ id });
    expect(rows((await render('/admin/products?q=crewneck', ADMIN)).html)).toEqual([]);
    const withArchived = await render('/admin/products?q=crewneck&includeArchived=1', ADMIN);
    expect(rows(withArchived.html)).toEqual(['Heavyweight Crewneck Sweatshirt']);
    expect(withArchived.html).toContain('Archived');
    // Shoppers cannot see it, so there is no link to it in the shop.
    expect(withArchived.html).toContain('Not visible in the shop');
    expect(withArchived.html).not.toContain('href="/product/heavyweight-crewneck-sweatshirt"');
    const edit = await render(`/admin/products/${id}`, ADMIN);
    expect(edit.html).toContain('Archived: not visible in the shop.');
    expect(edit.html).toMatch(/<form[^>]* method="post" action="\/admin\/products\/unarchive"/);
    await shop.caller(ADMIN).admin.product.unarchive({ id });
  });
});

describe('admin product edit page', () => {
  it('shows the product form filled in, the stock form and the stock history', async () => {
    const { id } = await shop.caller().product.get({ slug: 'quarter-zip-fleece-sweatshirt' });
    await shop.caller(ADMIN).admin.product.adjustStock({ id, delta: 4, reason: 'Returned by customer' });
    const { status, html } = await render(`/admin/products/${id}`, ADMIN);
    expect(status).toBe(200);
    expect(html).toContain('Edit Quarter-Zip Fleece Sweatshirt');
    expect(html).toMatch(/<input[^>]*name="name"[^>]*value="Quarter-Zip Fleece Sweatshirt"/);
    expect(html).toMatch(/<input[^>]*name="price"[^>]*value="68.00"/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="category.apparel"[^>]*checked/);
    expect(html).toContain('Stock: 7');
    expect(html).toMatch(/<input[^>]*name="delta"/);
    expect(html).toMatch(/<input[^>]*name="reason"/);
    expect(html).toContain('Returned by customer');
    expect(html).toMatch(/<a[^>]*href="\/product\/quarter-zip-fleece-sweatshirt"[^>]*>View in shop<\/a>/);
    // The image field shows the saved picture, also without JavaScript.
    expect(html).toMatch(/<input[^>]*name="imageUrl"[^>]*value="\/img\/products\/quarter-zip-fleece-sweatshirt\.svg"/);
    expect(html).toMatch(/<img[^>]*src="\/img\/products\/quarter-zip-fleece-sweatshirt\.svg"[^>]*alt="Picture of Quarter-Zip Fleece Sweatshirt"/);
    // Every form posts without JavaScript.
    for (const action of ['update', 'adjust-stock']) expect(html).toMatch(new RegExp(`<form[^>]* method="post" action="/admin/products/${action}"`));
    expect(html).not.toContain('needs JavaScript');
  });

  it('archives in two steps: the first only asks, on a page of its own without JavaScript', async () => {
    const { id } = await shop.caller().product.get({ slug: 'quarter-zip-fleece-sweatshirt' });
    const first = await render(`/admin/products/${id}`, ADMIN);
    expect(first.html).toMatch(new RegExp(`<a[^>]*href="/admin/products/${id}\\?confirm=archive#archive-confirm"[^>]*>Archive product…</a>`));
    expect(first.html).not.toContain('action="/admin/products/archive"');

    const asking = await render(`/admin/products/${id}?confirm=archive`, ADMIN);
    expect(asking.html).toContain('Archive Quarter-Zip Fleece Sweatshirt?');
    expect(asking.html).toMatch(/<form[^>]* method="post" action="\/admin\/products\/archive"[\s\S]*?bg-red-700[^>]*>Yes, archive product<\/button>/);
    expect(asking.html).toMatch(new RegExp(`<a[^>]*href="/admin/products/${id}"[^>]*>Cancel</a>`));
    // Only asking changed nothing.
    expect((await shop.caller(ADMIN).admin.product.get({ id })).active).toBe(true);
  });

  it('shows an empty form for a new product and 404 for an unknown one', async () => {
    const fresh = await render('/admin/products/new', ADMIN);
    expect(fresh.status).toBe(200);
    expect(fresh.html).toContain('New product');
    expect(fresh.html).toMatch(/<input[^>]*name="stock"/);
    expect(fresh.html).toMatch(/<form[^>]* method="post" action="\/admin\/products\/new"/);
    expect((await render('/admin/products/999999', ADMIN)).status).toBe(404);
    expect((await render('/admin/products/abc', ADMIN)).status).toBe(404);
  });
});
