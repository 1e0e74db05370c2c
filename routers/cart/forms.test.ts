// Numbers in plain form posts are whole numbers in decimal digits, as the
// forms' inputs hold them; what Number() would also read ("0x1", "1e1") is refused.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { browser, productBySlug } from './testing.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const form = (fields: Record<string, string | number>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
});

describe('/cart/add without JavaScript', () => {
  it('refuses hex, exponent or padded-hex numbers with the invalid-input notice and adds nothing', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const hex = `0x${tee.id.toString(16)}`;
    for (const fields of [
      { productId: hex, quantity: '1e1' },
      { productId: hex, quantity: 1 },
      { productId: tee.id, quantity: '1e1' },
      { productId: `  ${hex}`, quantity: '0x2' },
      { productId: tee.id, quantity: '2.0' },
    ]) {
      const res = await guest.fetch('/cart/add', form({ ...fields, next: '/' }));
      expect([res.status, res.headers.get('location')]).toEqual([303, '/?cart=error&reason=INVALID']);
    }
    expect((await guest.trpc('cart.get')).body.result.data.items).toEqual([]);
  });

  it('still adds plain decimal numbers, spaces around them allowed', async () => {
    const tee = await productBySlug(shop, 'organic-cotton-pocket-tee');
    const guest = browser(shop);
    const res = await guest.fetch('/cart/add', form({ productId: ` ${tee.id} `, quantity: '02', next: '/' }));
    expect(res.headers.get('location')).toBe('/?cart=added');
    const items = (await guest.trpc('cart.get')).body.result.data.items;
    expect(items.map((i: any) => [i.productId, i.quantity])).toEqual([[tee.id, 2]]);
  });
});

describe('cart form routes that cannot run', () => {
  it('answer in plain text: an unknown action is a 404, a body that is not a form a 400', async () => {
    const guest = browser(shop);
    const unknown = await guest.fetch('/cart/empty-everything', form({ productId: '1' }));
    expect([unknown.status, unknown.headers.get('content-type'), await unknown.text()]).toEqual([404, 'text/plain; charset=utf-8', 'Not found']);
    const notAForm = await guest.fetch('/cart/add', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: '{"productId":1}' });
    expect([notAForm.status, notAForm.headers.get('content-type'), await notAForm.text()]).toEqual([400, 'text/plain; charset=utf-8', 'Expected a form submission.']);
  });
});

describe('the account address forms', () => {
  it('refuse an address id that is not plain decimal digits, changing nothing', async () => {
    const { cookie, session } = await shop.register();
    const address = { firstName: 'Cy', lastName: 'Ng', street: '9 Elm Rd', city: 'Austin', state: 'TX', zip: '73301', country: 'US' };
    const { id } = await shop.caller(session).user.saveAddress(address);
    const headers = { origin: 'http://localhost', cookie };

    const edit = await shop.fetch('/account/addresses', form({ ...address, id: `0x${id.toString(16)}`, city: 'Dallas', _instance: String(id) }, headers));
    expect(edit.status).toBe(400);
    const remove = await shop.fetch('/account/addresses/delete', form({ id: `${id}e0`, _instance: String(id) }, headers));
    expect(remove.status).toBe(400);
    expect(await shop.caller(session).user.addresses()).toMatchObject([{ id, city: 'Austin' }]);
  });
});
