// The auth rules seen through the whole HTTP stack: cross-site requests, pages
// that need an account, and the sign-in/sign-up forms posted without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { createTestShop, type TestShop } from '../testing/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const PASSWORD = 'correct horse battery';
const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});
const userCount = async () => Number((await shop.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const sessionCookie = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /^gomall_session=./.test(c));

describe('cross-site requests', () => {
  const register = (headers: Record<string, string>) =>
    shop.fetch('/trpc/user.register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: `x${Math.random()}@example.com`, password: PASSWORD, confirmPassword: PASSWORD }),
    });

  it('refuses a mutation from another origin, without an origin, or from an opaque one, and changes nothing', async () => {
    const before = await userCount();
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost.evil.example' },
      { origin: 'null' },
      { referer: 'https://evil.example/page' },
      {},
    ];
    for (const headers of refused) {
      const res = await register(headers);
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(await userCount()).toBe(before);
  });

  it('accepts the shop’s own origin, or its Referer when no Origin is sent', async () => {
    expect((await register({ origin: 'http://localhost' })).status).toBe(200);
    expect((await register({ referer: 'http://localhost/sign-up' })).status).toBe(200);
  });

  it('refuses a cross-site form post: a forged sign-out leaves the session alive', async () => {
    const { cookie } = await shop.register();
    const res = await shop.fetch('/sign-out', form({}, { origin: 'https://evil.example', cookie }));
    expect(res.status).toBe(403);
    const me = await shop.fetch('/trpc/user.me', { headers: { cookie } });
    expect(((await me.json()) as any).result.data).not.toBeNull();
  });

  it('leaves reads alone', async () => {
    expect((await shop.fetch('/trpc/user.me', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('pages that need an account', () => {
  it('send signed-out visitors to sign in, remembering the URL-encoded path', async () => {
    for (const [path, next] of [
      ['/checkout', '%2Fcheckout'],
      ['/orders', '%2Forders'],
      ['/orders/42?tab=items', '%2Forders%2F42%3Ftab%3Ditems'],
      ['/account', '%2Faccount'],
      ['/admin', '%2Fadmin'],
      ['/admin/products', '%2Fadmin%2Fproducts'],
      // The page router ignores letter case, so these are the same pages.
      ['/ACCOUNT', '%2FACCOUNT'],
      ['/Account', '%2FAccount'],
      ['/Orders/42', '%2FOrders%2F42'],
      ['/Admin/products', '%2FAdmin%2Fproducts'],
      ['/ADMIN', '%2FADMIN'],
    ]) {
      const res = await shop.fetch(path!);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/sign-in?next=${next}`);
    }
  });

  it('are named as the reason on the sign-in page; a sign-in from any other page gives none', async () => {
    const notice = 'Please sign in to continue';
    expect(await (await shop.fetch('/sign-in?next=%2Faccount')).text()).toContain(notice);
    expect(await (await shop.fetch('/sign-in?next=%2FOrders%2F42')).text()).toContain(notice);
    expect(await (await shop.fetch('/sign-in?next=%2Fproduct%2Fcafe-creme-espresso-beans')).text()).not.toContain(notice);
    expect(await (await shop.fetch('/sign-in')).text()).not.toContain(notice);
  });

  it('leave public pages alone and let signed-in shoppers in', async () => {
    expect((await shop.fetch('/')).status).toBe(200);
    expect((await shop.fetch('/sign-in')).status).toBe(200);
    expect((await shop.fetch('/orderly')).status).toBe(404);
    const { cookie } = await shop.register();
    const account = await shop.fetch('/account', { headers: { cookie } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('Your account');
  });
});

describe('sign-in and sign-up without JavaScript', () => {
  it('answers a malformed form body with 400, not a server error', async () => {
    const res = await shop.fetch('/sign-in', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'multipart/form-data; boundary=x' },
      body: 'not a multipart body',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Expected a form submission.');
  });

  it('shows only known confirmations on the account page, whatever the URL says', async () => {
    const { cookie } = await shop.register();
    const html = await (await shop.fetch('/account?saved=toString', { headers: { cookie } })).text();
    expect(html).not.toContain('[object');
    expect(html).not.toContain('role="status" class="mb-4');
  });

  it('goes from /orders to sign-in and back to /orders after signing in', async () => {
    const { email } = await shop.register();
    const redirect = (await shop.fetch('/orders')).headers.get('location')!;
    const page = await (await shop.fetch(redirect)).text();
    expect(page).toContain('<form');
    expect(page).toMatch(/<input[^>]*name="next" value="\/orders"/);
    const res = await shop.fetch('/sign-in', form({ email, password: PASSWORD, next: '/orders' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/orders');
    expect(sessionCookie(res)).toBeDefined();
  });

  it('signs in over a dead session cookie: the browser keeps the new cookie, not the clearing one', async () => {
    const { email, cookie } = await shop.register();
    await shop.fetch('/sign-out', form({}, { cookie }));
    const res = await shop.fetch('/sign-in', form({ email, password: PASSWORD, next: '/account' }, { cookie }));
    expect(res.status).toBe(303);
    // A browser applies Set-Cookie headers in order: the last one for the name wins.
    const last = res.headers.getSetCookie().filter((c) => c.startsWith('gomall_session=')).at(-1)!;
    expect(last).not.toMatch(/Max-Age=0(;|$)/i);
    const account = await shop.fetch('/account', { headers: { cookie: last.split(';')[0]! } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(email);
  });

  it('lands on / when next is not a same-site path', async () => {
    const { email } = await shop.register();
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await shop.fetch('/sign-in', form({ email, password: PASSWORD, next }));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('shows a wrong password as a form error, keeps the email and never the password', async () => {
    const { email } = await shop.register();
    const res = await shop.fetch('/sign-in', form({ email, password: 'wrong password!', next: '/orders' }));
    expect(res.status).toBe(401);
    expect(sessionCookie(res)).toBeUndefined();
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('The email or password is not correct.');
    expect(html).toMatch(new RegExp(`name="email"[^>]*value="${email}"`));
    expect(html).not.toContain('wrong password!');
    expect(html).toMatch(/<input[^>]*name="next" value="\/orders"/);
  });

  it('shows each invalid sign-up field next to it and keeps what was typed except passwords', async () => {
    const before = await userCount();
    const res = await shop.fetch(
      '/sign-up',
      form({ name: 'Bea', email: 'bea@example.com', password: 'longenough1', confirmPassword: 'different11', marketingOptIn: 'on' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/name="confirmPassword"[^>]*aria-invalid="true"[^>]*aria-describedby="([^"]+)"/);
    const describedBy = html.match(/name="confirmPassword"[^>]*aria-describedby="([^"]+)"/)![1];
    expect(html).toContain(`id="${describedBy}" class="mt-1 text-sm text-red-700">must match the password</p>`);
    expect(html).toMatch(/name="email"[^>]*value="bea@example.com"/);
    expect(html).toMatch(/name="name"[^>]*value="Bea"/);
    expect(html).toMatch(/name="marketingOptIn" type="checkbox" checked/);
    expect(html).not.toContain('longenough1');
    expect(html).not.toContain('different11');
    expect(await userCount()).toBe(before);
  });

  it('shows a taken email next to the email field', async () => {
    const { email } = await shop.register();
    const res = await shop.fetch('/sign-up', form({ email: email.toUpperCase(), password: PASSWORD, confirmPassword: PASSWORD }));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toMatch(/name="email"[^>]*aria-invalid="true"/);
    expect(html).toContain('An account with this email already exists');
  });

  it('signs up, then signs out with the header form', async () => {
    const res = await shop.fetch('/sign-up', form({ email: 'plain@example.com', password: PASSWORD, confirmPassword: PASSWORD, next: '/account' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    const cookie = sessionCookie(res)!;
    const account = await (await shop.fetch('/account', { headers: { cookie } })).text();
    expect(account).toContain('plain@example.com');
    expect(account).toContain('action="/sign-out"');
    const out = await shop.fetch('/sign-out', form({}, { cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect((await shop.fetch('/account', { headers: { cookie } })).status).toBe(302);
  });

  it('saves an address from the account page form and re-shows a bad one with its errors', async () => {
    const { cookie, session } = await shop.register();
    const address = { firstName: 'Cy', lastName: 'Ng', street: '9 Elm Rd', city: 'Austin', state: 'TX', zip: '73301', country: 'US' };
    const bad = await shop.fetch('/account/addresses', form({ ...address, country: 'ZZ', _instance: 'new' }, { cookie }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('must be an ISO 3166-1 alpha-2 country code, like US');
    expect(html).toMatch(/name="street"[^>]*value="9 Elm Rd"/);
    const ok = await shop.fetch('/account/addresses', form({ ...address, _instance: 'new' }, { cookie }));
    expect(ok.status).toBe(303);
    expect(await shop.caller(session).user.addresses()).toMatchObject([{ ...address, isDefault: true }]);
    // Written the way the address's country writes it.
    expect(await (await shop.fetch('/account', { headers: { cookie } })).text()).toContain('Austin, TX 73301');
  });
});
