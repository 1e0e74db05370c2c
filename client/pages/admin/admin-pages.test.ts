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

    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const served = await shop.fetch('/admin/products', { headers: { cookie: admin.cookie } });
    expect(served.status).toBe(200);
    const servedHtml = await served.text();
    expect(rows(servedHtml)).toHaveLength(50);
    // The header offers the admin console to admins only.
    expect(servedHtml).toMatch(/<a[^>]*href="\/admin"[^>]*>Admin<\/a>/);

    // Admin mutations over HTTP record the signed-in admin as the actor.
    const { id } = await shop.caller().product.get({ slug: 'organic-cotton-pocket-tee' });
    const res = await shop.mutate('admin.product.adjustStock', { id, delta: -2, reason: 'Photo samples' }, admin.cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).result.data.adjustment).toMatchObject({ actorUserId: admin.user.id, delta: -2 });
    expect((await shop.mutate('admin.product.adjustStock', { id, delta: -1, reason: 'x' }, customer.cookie)).status).toBe(403);
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

  it('shows archived products only when asked', async () => {
    const { id } = await shop.caller().product.get({ slug: 'heavyweight-crewneck-sweatshirt' });
    await shop.caller(ADMIN).admin.product.archive({ id });
    expect(rows((await render('/admin/products?q=crewneck', ADMIN)).html)).toEqual([]);
    const withArchived = await render('/admin/products?q=crewneck&includeArchived=1', ADMIN);
    expect(rows(withArchived.html)).toEqual(['Heavyweight Crewneck Sweatshirt']);
    expect(withArchived.html).toContain('Archived');
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
    expect(html).toContain('Archive product');
    // Every form posts without JavaScript.
    for (const action of ['update', 'adjust-stock', 'archive']) expect(html).toMatch(new RegExp(`<form[^>]* method="post" action="/admin/products/${action}"`));
    expect(html).not.toContain('needs JavaScript');
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
