import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { createTestShop, type TestShop } from '../testing/test-shop.ts';
import { adminProcedure, authedProcedure, createCallerFactory, router } from '../../routers/trpc.ts';
import type { SessionUser } from '../../routers/context.ts';
import { SESSION_TTL_MS } from '../../routers/user/session.ts';
import { signSessionToken, verifySessionToken } from '../../routers/user/jwt.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const whoAmI = async (cookie: string) => {
  const res = await shop.fetch('/trpc/user.me', { headers: { cookie } });
  return { status: res.status, user: ((await res.json()) as any).result?.data, setCookie: res.headers.getSetCookie() };
};

describe('the session cookie', () => {
  it('is an HttpOnly, SameSite=Lax, site-wide cookie lasting 7 days, not Secure on localhost', async () => {
    const res = await shop.mutate('user.register', { email: 'cookie@example.com', password: 'pw-12345678', confirmPassword: 'pw-12345678' });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^gomall_session=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('is Secure when the shop is reached on any other host', async () => {
    const res = await shop.app.fetch(
      new Request('https://shop.example/trpc/user.register', {
        method: 'POST',
        headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'secure@example.com', password: 'pw-12345678', confirmPassword: 'pw-12345678' }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toContain('; Secure');
  });

  it('holds an HS256 JWT with sub, sid and an exp 7 days ahead', async () => {
    const { cookie, user } = await shop.register();
    const token = cookie.split('=')[1]!;
    const claims = decodeJwt(token);
    expect(JSON.parse(atob(token.split('.')[0]!))).toMatchObject({ alg: 'HS256' });
    expect(claims.sub).toBe(String(user.id));
    expect(claims.sid).toEqual(expect.any(String));
    expect(claims.exp! * 1000).toBe(Math.floor((shop.clock.now() + SESSION_TTL_MS) / 1000) * 1000);
  });
});

describe('a cookie that does not lead to a live session', () => {
  const signedOut = async (cookie: string) => {
    const me = await whoAmI(cookie);
    expect(me.status).toBe(200);
    expect(me.user).toBeNull();
    expect(me.setCookie).toEqual([expect.stringMatching(/^gomall_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/)]);
    const page = await shop.fetch('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in');
  };
  const secretKey = () => new TextEncoder().encode(shop.config.secret);

  it('is treated as signed out when tampered with', async () => {
    const { cookie, user } = await shop.register();
    const other = await shop.register();
    const [header, , signature] = cookie.split('=')[1]!.split('.');
    const claims = decodeJwt(cookie.split('=')[1]!);
    const forged = btoa(JSON.stringify({ ...claims, sub: String(other.user.id) })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(user.id).not.toBe(other.user.id);
    await signedOut(`gomall_session=${header}.${forged}.${signature}`);
    // A character inside the signature (the last one's spare bits may decode to the same bytes).
    const flipped = signature!.slice(0, 10) + (signature![10] === 'A' ? 'B' : 'A') + signature!.slice(11);
    await signedOut(`gomall_session=${header}.${cookie.split('=')[1]!.split('.')[1]}.${flipped}`);
    await signedOut('gomall_session=not-a-jwt');
  });

  it('is treated as signed out when signed with another key', async () => {
    const { cookie } = await shop.register();
    const claims = decodeJwt(cookie.split('=')[1]!);
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    await signedOut(`gomall_session=${token}`);
  });

  it('is treated as signed out with alg: none', async () => {
    const { cookie } = await shop.register();
    const claims = decodeJwt(cookie.split('=')[1]!);
    await signedOut(`gomall_session=${new UnsecuredJWT(claims).encode()}`);
  });

  it('is treated as signed out once expired, and a correctly signed token for a revoked or unknown session is too', async () => {
    const { cookie, session } = await shop.register();
    expect((await whoAmI(cookie)).user).not.toBeNull();
    // A valid signature is not enough: the sid must name a live session row.
    const unknown = await new SignJWT({ sid: 'no-such-session' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(session.userId))
      .setExpirationTime(Math.floor((shop.clock.now() + 60_000) / 1000))
      .sign(secretKey());
    await signedOut(`gomall_session=${unknown}`);
    shop.clock.advance(SESSION_TTL_MS - 60_000);
    expect((await whoAmI(cookie)).user).not.toBeNull();
    shop.clock.advance(60_000);
    await signedOut(cookie);
  });
});

describe('procedure guards', () => {
  const probe = createCallerFactory(
    router({
      mine: authedProcedure.query(({ ctx }) => ctx.session.userId),
      admin: adminProcedure.query(() => 'admin only'),
    }),
  );
  const callerAs = (session: SessionUser | null) =>
    probe(shop.context(session));

  it('refuses signed-out callers with UNAUTHORIZED and customers with FORBIDDEN on admin procedures', async () => {
    const { session } = await shop.register();
    await expect(callerAs(null).mine()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerAs(null).admin()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await callerAs(session).mine()).toBe(session.userId);
    await expect(callerAs(session).admin()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This needs an administrator account.' });
  });

  it('reads the role from the database on each request, so making an admin takes effect at once', async () => {
    const { cookie, email } = await shop.register();
    await shop.makeAdmin(email);
    const { session } = await shop.signIn(email, 'correct horse battery');
    expect(session.role).toBe('admin');
    expect(await callerAs(session).admin()).toBe('admin only');
    expect((await whoAmI(cookie)).user.role).toBe('admin');
  });
});

describe('session tokens remembered once verified', () => {
  it('still run out at their expiry and still belong to their key', async () => {
    const now = Date.UTC(2026, 11, 3, 12);
    const token = await signSessionToken('k'.repeat(32), { userId: 7, sessionId: 's1' }, now, now + 60_000);
    expect(await verifySessionToken('k'.repeat(32), token, now)).toEqual({ userId: 7, sessionId: 's1' });
    // Now remembered: the answers must be those of a full check.
    expect(await verifySessionToken('k'.repeat(32), token, now + 59_999)).toEqual({ userId: 7, sessionId: 's1' });
    expect(await verifySessionToken('k'.repeat(32), token, now + 60_000)).toBeNull();
    expect(await verifySessionToken('o'.repeat(32), token, now)).toBeNull();
  });
});
