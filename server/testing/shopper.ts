// A shopper over HTTP for tests that drive a running shop (the Bun or Deno server,
// or the Worker through Miniflare): keeps its cookies like a browser, sends the
// shop's Origin with writes, and calls tRPC as any HTTP client would.
export type Fetch = (url: string, init: { method?: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

export interface TrpcError extends Error {
  status: number;
  /** tRPC's error data (code, httpStatus, reason…). */
  data?: { code?: string; reason?: string };
}

export function shopper(origin: string, fetcher: Fetch = (url, init) => fetch(url, init)) {
  const cookies = new Map<string, string>();

  async function request(path: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (init.method === 'POST') Object.assign(headers, { origin, 'content-type': 'application/json' });
    const res = await fetcher(`${origin}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [name = '', value = ''] = line.split(';')[0]!.split('=');
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    return res;
  }

  async function call<T>(res: Response, path: string): Promise<T> {
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data?: TrpcError['data'] } };
    if (body.error) throw Object.assign(new Error(`${path}: ${res.status} ${body.error.message}`), { status: res.status, data: body.error.data }) as TrpcError;
    return body.result!.data;
  }

  return {
    cookies,
    /** A page or any other path, with the shopper's cookies. */
    get: (path: string) => request(path),
    /** A tRPC query (GET with the input in the URL). */
    query: async <T = any>(path: string, input?: unknown): Promise<T> =>
      call<T>(await request(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`), path),
    /** A tRPC mutation (POST with the shop's Origin). */
    mutate: async <T = any>(path: string, input: unknown = null): Promise<T> =>
      call<T>(await request(`/trpc/${path}`, { method: 'POST', body: JSON.stringify(input) }), path),
  };
}

export type Shopper = ReturnType<typeof shopper>;
