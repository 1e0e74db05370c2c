// Test helpers for the cart: catalog lookups by slug and a cookie-keeping
// browser that talks to the shop over HTTP, as a guest's browser does.
import type { TestShop } from '../../server/testing/test-shop.ts';

export async function productBySlug(shop: TestShop, slug: string) {
  return shop.db.selectFrom('products').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

export function browser(shop: TestShop) {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  return {
    cookies,
    cookieHeader,
    async fetch(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size) headers.set('cookie', cookieHeader());
      // Browsers send their page's origin with every POST.
      if ((init.method ?? 'GET') !== 'GET' && !headers.has('origin')) headers.set('origin', 'http://localhost');
      return remember(await shop.fetch(path, { ...init, headers }));
    },
    /** A tRPC call over HTTP; returns the status and the JSON body. */
    async trpc(path: string, input?: unknown, method: 'GET' | 'POST' = path === 'cart.get' ? 'GET' : 'POST') {
      const res =
        method === 'GET'
          ? await this.fetch(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`)
          : await this.fetch(`/trpc/${path}`, {
              method,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(input ?? null),
            });
      return { status: res.status, body: (await res.json()) as any, res };
    },
    /** The shop as this browser's visitor, called in-process (their cookies, no session). */
    context() {
      return shop.context(null, new Headers(cookies.size ? { cookie: cookieHeader() } : {}));
    },
  };
}
