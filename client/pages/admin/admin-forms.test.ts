// The admin product forms posted without JavaScript, through the whole HTTP stack
// with real accounts: the same FormActions the pages run through tRPC with it.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ADMIN, createTestShop, type TestShop } from '../../../server/testing/test-shop.ts';
import * as actions from '../../forms/admin-forms.ts';
import { formErrors } from '../../forms/form-action.ts';
import { parseDollars } from '../../format.ts';

let shop: TestShop;
let admin: Awaited<ReturnType<TestShop['register']>>;
beforeAll(async () => {
  shop = await createTestShop();
  admin = await shop.register();
  await shop.makeAdmin(admin.email);
});
afterAll(() => shop.close());

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  shop.fetch(path, {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
    body: new URLSearchParams(fields).toString(),
  });
/** An admin page's HTML without Solid's hydration markers. */
const page = async (path: string) => (await (await shop.fetch(path, { headers: { cookie: admin.cookie } })).text()).replace(/<!--[\s\S]*?-->/g, '');
const adminGet = (id: number) => shop.caller(ADMIN).admin.product.get({ id });
const idOf = async (slug: string) => (await shop.caller().product.get({ slug })).id;
const productCount = async () => Number((await shop.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** The error text linked to a field by aria-describedby, or undefined. */
function fieldError(html: string, name: string): string | undefined {
  const input = html.match(new RegExp(`<(?:input|textarea)[^>]*name="${name}"[^>]*>`))?.[0];
  const describedBy = input?.match(/aria-invalid="true"[^>]*aria-describedby="([^"]+)"/)?.[1];
  return describedBy ? html.match(new RegExp(`id="${describedBy}"[^>]*>([^<]*)</p>`))?.[1] : undefined;
}

const apron = {
  name: 'Linen Work Apron',
  slug: '',
  description: 'Stonewashed linen with two deep pockets.',
  price: '24.50',
  stock: '12',
  'category.apparel': 'on',
  'category.home-kitchen': 'on',
  imageUrl: '',
  active: 'on',
};

describe('admin product forms without JavaScript', () => {
  it('creates a product from a plain form post; shoppers then find it in the catalog and search', async () => {
    const res = await post('/admin/products/new', apron, admin.cookie);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const id = Number(location.match(/^\/admin\/products\/(\d+)\?saved=created$/)?.[1]);
    expect(id).toBeGreaterThan(0);

    const product = await adminGet(id);
    expect(product).toMatchObject({ name: 'Linen Work Apron', slug: 'linen-work-apron', priceCents: 2450, stock: 12, active: true, featured: false });
    expect(product.categories.map((c) => c.slug)).toEqual(['apparel', 'home-kitchen']);
    expect(product.stockHistory[0]).toMatchObject({ delta: 12, actorUserId: admin.user.id });

    const listed = await shop.caller().product.list({ category: 'home-kitchen', pageSize: 100 });
    expect(listed.items.map((p) => p.slug)).toContain('linen-work-apron');
    const found = await shop.caller().product.search({ q: 'linen apron' });
    expect(found.items.map((p) => p.slug)).toContain('linen-work-apron');

    const html = await page(location);
    expect(html).toContain('Edit Linen Work Apron');
    expect(html).toContain('role="status"');
    expect(html).toContain('Created.');
  });

  it('edits a product: every field of the form, prices typed in dollars become exact cents', async () => {
    const id = await idOf('quarter-zip-fleece-sweatshirt');
    const res = await post(
      '/admin/products/update',
      {
        id: String(id),
        name: 'Quarter-Zip Fleece Pullover',
        slug: 'quarter-zip-fleece-pullover',
        description: 'Now in recycled fleece.',
        price: '$1,234.57',
        'category.outdoor': 'on',
        imageUrl: '/img/products/fleece.svg',
        active: 'on',
        featured: 'on',
      },
      admin.cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/products/${id}?saved=product`);
    const product = await adminGet(id);
    expect(product).toMatchObject({
      name: 'Quarter-Zip Fleece Pullover',
      slug: 'quarter-zip-fleece-pullover',
      description: 'Now in recycled fleece.',
      priceCents: 123457,
      imageUrl: '/img/products/fleece.svg',
      active: true,
      featured: true,
    });
    expect(product.categories.map((c) => c.slug)).toEqual(['outdoor']);
    expect(await page(res.headers.get('location')!)).toContain('Saved.');
  });

  it('re-shows a bad price next to the price field, keeps the other typed values and saves nothing', async () => {
    const before = await productCount();
    const res = await post('/admin/products/new', { ...apron, name: 'Canvas Tote', price: '24.5x', featured: 'on', active: '' }, admin.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, 'price')).toBe('must be an amount in dollars, like 24.50');
    expect(fieldError(html, 'name')).toBeUndefined();
    expect(html).toMatch(/<input[^>]*name="price"[^>]*value="24.5x"/);
    expect(html).toMatch(/<input[^>]*name="name"[^>]*value="Canvas Tote"/);
    expect(html).toMatch(/<textarea[^>]*name="description"[^>]*>Stonewashed linen with two deep pockets.<\/textarea>/);
    expect(html).toMatch(/<input[^>]*name="stock"[^>]*value="12"/);
    expect(html).toMatch(/<input type="checkbox" name="category.apparel" checked/);
    expect(html).toMatch(/<input type="checkbox" name="featured" checked/);
    expect(html).toMatch(/<input type="checkbox" name="active">/);
    expect(await productCount()).toBe(before);

    // Out of range: the procedure's own limit, shown at the field the admin typed.
    const tooDear = await post('/admin/products/new', { ...apron, price: '2000000' }, admin.cookie);
    expect(tooDear.status).toBe(400);
    expect(fieldError(await tooDear.text(), 'price')).toBe('must be at most 1,000,000.00');

    // The edit form too, and the product keeps its price.
    const id = await idOf('heavyweight-crewneck-sweatshirt');
    const { priceCents } = await adminGet(id);
    const edit = await post('/admin/products/update', { id: String(id), name: 'Renamed', price: '12.345' }, admin.cookie);
    expect(edit.status).toBe(400);
    const editHtml = await edit.text();
    expect(fieldError(editHtml, 'price')).toBe('must be an amount in dollars, like 24.50');
    expect(editHtml).toMatch(/<input[^>]*name="name"[^>]*value="Renamed"/);
    expect(await adminGet(id)).toMatchObject({ name: 'Heavyweight Crewneck Sweatshirt', priceCents });
  });

  it('names the price field in the error the JavaScript form receives', async () => {
    const run = actions.createProduct.run(shop.caller(ADMIN), { ...apron, price: 'twenty' });
    await expect(run).rejects.toThrow('price: must be an amount in dollars, like 24.50');
    await expect(run).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', issues: [{ path: 'price' }] } });
  });

  it('archives and unarchives a product', async () => {
    const id = await idOf('organic-cotton-pocket-tee');
    const archived = await post('/admin/products/archive', { id: String(id) }, admin.cookie);
    expect(archived.status).toBe(303);
    expect(archived.headers.get('location')).toBe(`/admin/products/${id}?saved=archived`);
    expect((await adminGet(id)).active).toBe(false);
    await expect(shop.caller().product.get({ id })).rejects.toThrow('This product is not available.');
    const html = await page(archived.headers.get('location')!);
    expect(html).toContain('Archived: shoppers no longer see it.');
    expect(html).toContain('action="/admin/products/unarchive"');

    const listed = await post('/admin/products/unarchive', { id: String(id) }, admin.cookie);
    expect(listed.status).toBe(303);
    expect(listed.headers.get('location')).toBe(`/admin/products/${id}?saved=unarchived`);
    expect((await adminGet(id)).active).toBe(true);
    expect((await shop.caller().product.get({ id })).id).toBe(id);
    expect(await page(listed.headers.get('location')!)).toContain('Listed again.');
  });

  it('adjusts stock with a reason, shown in the stock history; refuses a reason-less or impossible change', async () => {
    const id = await idOf('heavyweight-crewneck-sweatshirt');
    const { stock } = await adminGet(id);
    const res = await post('/admin/products/adjust-stock', { id: String(id), delta: '-2', reason: 'Damaged in transit' }, admin.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/products/${id}?saved=stock`);
    const product = await adminGet(id);
    expect(product.stock).toBe(stock - 2);
    expect(product.stockHistory[0]).toMatchObject({ delta: -2, stockAfter: stock - 2, reason: 'Damaged in transit', actorUserId: admin.user.id });
    const html = await page(res.headers.get('location')!);
    expect(html).toContain(`Stock: ${stock - 2}`);
    const row = /<tr[^>]*class="stock-history-row[^>]*>((?:<td[^>]*>[^<]*<\/td>){5})/.exec(html)?.[1] ?? '';
    // When, who (the admin's email), change, stock after, reason.
    expect([...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].slice(1).map((m) => m[1])).toEqual([admin.email, '-2', String(stock - 2), 'Damaged in transit']);
    expect(html).toContain('Stock adjusted.');

    const noReason = await post('/admin/products/adjust-stock', { id: String(id), delta: '5', reason: ' ' }, admin.cookie);
    expect(noReason.status).toBe(400);
    const noReasonHtml = await noReason.text();
    expect(fieldError(noReasonHtml, 'reason')).toBe('say why the stock changed');
    expect(noReasonHtml).toMatch(/<input[^>]*name="delta"[^>]*value="5"/);

    const tooMany = await post('/admin/products/adjust-stock', { id: String(id), delta: '-1000', reason: 'Stocktake' }, admin.cookie);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain(`Only ${stock - 2} in stock: cannot remove 1000.`);
    expect((await adminGet(id)).stock).toBe(stock - 2);
  });

  it('refuses the forms of customers and signed-out visitors and changes nothing', async () => {
    const customer = await shop.register();
    const id = await idOf('heavyweight-crewneck-sweatshirt');
    const before = await adminGet(id);
    const count = await productCount();
    const posts: [string, Record<string, string>][] = [
      ['/admin/products/new', { ...apron, name: 'Sneaky Product' }],
      ['/admin/products/update', { id: String(id), name: 'Hacked', price: '0.01', active: 'on' }],
      ['/admin/products/archive', { id: String(id) }],
      ['/admin/products/unarchive', { id: String(id) }],
      ['/admin/products/adjust-stock', { id: String(id), delta: '-1', reason: 'Mine now' }],
    ];
    for (const [path, fields] of posts) {
      const refused = await post(path, fields, customer.cookie);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Admins only');
      const anonymous = await post(path, fields);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).toContain('Admins only');
    }
    expect(await adminGet(id)).toEqual(before);
    expect(await productCount()).toBe(count);
  });
});

describe('prices typed in dollars', () => {
  it('become exact integer cents, or null when they are not an amount', () => {
    expect(parseDollars('24.50')).toBe(2450);
    expect(parseDollars(' 0.29 ')).toBe(29);
    expect(parseDollars('19.99')).toBe(1999);
    expect(parseDollars('7.5')).toBe(750);
    expect(parseDollars('$1,200')).toBe(120000);
    expect(parseDollars('1000000.00')).toBe(100_000_000);
    expect(parseDollars('999,999,999.99')).toBe(99_999_999_999);
    for (const bad of ['', '-1', '1.005', '1e3', '12,34', '24.5x', '.', '0x10', 'Infinity', '٣', '1'.repeat(10), '9'.repeat(400)]) {
      expect(parseDollars(bad)).toBeNull();
    }
  });
});

describe('form errors', () => {
  it('show an issue about a field the form did not send for the form as a whole, never drop it', () => {
    const issues = [
      { path: 'priceCents', message: 'must be at most 100000000' },
      { path: 'id', message: 'must be a number' },
      { path: 'categories.0', message: 'is not a category' },
    ];
    const errors = formErrors({ code: 'BAD_REQUEST', message: 'x', issues }, { priceCents: 'price' }, { price: '2000000', name: 'Tin' });
    expect(errors).toEqual({
      fields: { price: 'must be at most 100000000' },
      form: 'id: must be a number categories.0: is not a category',
    });
  });

  it('show an issue about a hidden field (an id the form carries) for the form as a whole, even when it was sent', () => {
    const issues = [{ path: 'id', message: 'must be a number' }];
    expect(formErrors({ code: 'BAD_REQUEST', message: 'x', issues }, {}, { id: '0x1', street: '1 Main St' })).toEqual({
      fields: {},
      form: 'id: must be a number',
    });
  });
});
