// Which cart a request works on. Signed in: `user:<userId>`. Signed out: `guest:<id>`,
// the id carried in an HMAC-signed, HttpOnly, SameSite=Lax cookie issued on the
// first add. The id never comes from procedure input, so no one can name another's cart.
import { parseSigned, serialize, serializeSigned } from 'hono/utils/cookie';
import { cookieAttributes } from '../user/cookie.ts';
import type { Context } from '../context.ts';

export const GUEST_CART_COOKIE = 'gomall_cart';
const GUEST_ID = /^[A-Za-z0-9_-]{22}$/;
const THIRTY_DAYS = 60 * 60 * 24 * 30;

// A guest id issued during this request, so a batch of adds from a new visitor
// lands in one cart. Keyed by the response headers: one object per request.
const issuedThisRequest = new WeakMap<Headers, Promise<string>>();

export const userCartId = (userId: number) => `user:${userId}`;

/** The guest cart named by a validly signed cookie (or issued in this request); null otherwise. */
export async function guestCartId(ctx: Context): Promise<string | null> {
  const issued = issuedThisRequest.get(ctx.resHeaders);
  if (issued) return issued;
  const header = ctx.reqHeaders.get('cookie');
  if (!header) return null;
  // A tampered or foreign cookie fails verification and is ignored.
  const value = (await parseSigned(header, ctx.config.secret, GUEST_CART_COOKIE))[GUEST_CART_COOKIE];
  return value && GUEST_ID.test(value) ? `guest:${value}` : null;
}

/** The request's cart, or null for a visitor who has never added anything. */
export async function currentCartId(ctx: Context): Promise<string | null> {
  return ctx.session ? userCartId(ctx.session.userId) : guestCartId(ctx);
}

/** The request's cart, issuing a guest cart cookie if the visitor has none yet. */
export async function currentOrNewCartId(ctx: Context): Promise<string> {
  const existing = await currentCartId(ctx);
  if (existing) return existing;
  // Checked and set with no await in between, so concurrent calls share one id.
  let issued = issuedThisRequest.get(ctx.resHeaders);
  if (!issued) {
    issued = issueGuestCartId(ctx);
    issuedThisRequest.set(ctx.resHeaders, issued);
  }
  return issued;
}

async function issueGuestCartId(ctx: Context): Promise<string> {
  const id = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
  ctx.resHeaders.append('set-cookie', await serializeSigned(GUEST_CART_COOKIE, id, ctx.config.secret, cookieOptions(ctx, THIRTY_DAYS)));
  return `guest:${id}`;
}

/** Tells the browser to drop its guest cart cookie (after the cart was merged). */
export function forgetGuestCart(ctx: Context): void {
  issuedThisRequest.delete(ctx.resHeaders);
  ctx.resHeaders.append('set-cookie', serialize(GUEST_CART_COOKIE, '', cookieOptions(ctx, 0)));
}

function cookieOptions(ctx: Context, maxAge: number) {
  return { ...cookieAttributes(ctx.origin), maxAge };
}
