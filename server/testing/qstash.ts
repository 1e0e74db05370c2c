// QStash for tests, over its wire protocol (its dev server cannot be installed
// here): an HTTP server on a free port that answers the client's publish and
// cancel calls and records them, a clock-driven delivery of the due messages to a
// fetch function (the app) with real signatures, and the signature minting itself.
import { SignJWT } from 'jose';

export interface QStashRequest {
  method: string;
  /** The path as received, e.g. /v2/publish/https://shop.test/jobs/order.expire. */
  path: string;
  headers: Headers;
  body: string;
}

export interface QStashMessage {
  id: string;
  destination: string;
  body: string;
  headers: Headers;
  /** When QStash would deliver it, epoch ms by the stand-in's clock. */
  dueAt: number;
  deduplicationId?: string;
  /** Deliveries that may follow a failed one (Upstash-Retries). */
  retries: number;
  /** Deliveries tried so far. */
  attempts: number;
  state: 'pending' | 'delivered' | 'cancelled' | 'failed';
}

export interface QStashStandInOptions {
  token: string;
  /** The stand-in's "now" for delays (a test's manual clock). */
  now: () => number;
  /** The port to listen on (default: any free one). */
  port?: number;
}

/** A QStash API on localhost; `url` goes in QSTASH_URL. Stop it in afterAll. */
export function startQStashStandIn({ token, now, port = 0 }: QStashStandInOptions) {
  const requests: QStashRequest[] = [];
  const messages: QStashMessage[] = [];
  let nextId = 0;
  const json = (body: unknown, status = 200) => Response.json(body, { status });

  const server = Bun.serve({
    port,
    hostname: '127.0.0.1',
    async fetch(req) {
      const url = new URL(req.url);
      const path = url.pathname;
      const body = await req.text();
      requests.push({ method: req.method, path, headers: req.headers, body });
      if (req.headers.get('authorization') !== `Bearer ${token}`) return json({ error: 'Unauthorized' }, 401);

      const publish = path.match(/^\/v2\/publish\/(.+)$/s);
      if (req.method === 'POST' && publish) {
        const destination = publish[1]!;
        const deduplicationId = req.headers.get('upstash-deduplication-id') ?? undefined;
        const twin = deduplicationId && messages.find((m) => m.deduplicationId === deduplicationId);
        if (twin) return json({ messageId: twin.id, url: destination, deduplicated: true }, 201);
        const message: QStashMessage = {
          id: `msg_${++nextId}`,
          destination,
          body,
          headers: req.headers,
          dueAt: dueAt(req.headers, now()),
          deduplicationId,
          retries: Number(req.headers.get('upstash-retries') ?? 3),
          attempts: 0,
          state: 'pending',
        };
        messages.push(message);
        return json({ messageId: message.id, url: destination }, 201);
      }

      const cancel = path.match(/^\/v2\/messages\/([^/]+)$/);
      if (req.method === 'DELETE' && cancel) {
        const message = messages.find((m) => m.id === cancel[1] && m.state === 'pending');
        if (!message) return json({ error: 'message not found' }, 404);
        message.state = 'cancelled';
        return json({ cancelled: 1 });
      }
      return json({ error: 'not found' }, 404);
    },
  });

  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    messages,
    /**
     * Delivers every pending message due by `now()`, signed with `signingKey`, to
     * `fetch` (the app), as QStash would: a non-2xx answer leaves it for the next
     * call until its retries run out. Returns the answers' statuses.
     */
    async deliverDue(fetch: (request: Request) => Response | Promise<Response>, signingKey: string): Promise<number[]> {
      const statuses: number[] = [];
      for (const message of messages.filter((m) => m.state === 'pending' && m.dueAt <= now())) {
        const signature = await signQStash({ signingKey, url: message.destination, body: message.body });
        const res = await fetch(
          new Request(message.destination, {
            method: 'POST',
            headers: {
              'content-type': message.headers.get('content-type') ?? 'application/json',
              'upstash-signature': signature,
              'upstash-message-id': message.id,
              'upstash-retried': String(message.attempts),
            },
            body: message.body,
          }),
        );
        await res.arrayBuffer();
        statuses.push(res.status);
        message.attempts++;
        if (res.ok) message.state = 'delivered';
        else if (message.attempts > message.retries) message.state = 'failed';
      }
      return statuses;
    },
    stop: () => server.stop(true),
  };
}

export type QStashStandIn = ReturnType<typeof startQStashStandIn>;

function dueAt(headers: Headers, now: number): number {
  const notBefore = headers.get('upstash-not-before');
  if (notBefore) return Number(notBefore) * 1000;
  const delay = headers.get('upstash-delay')?.match(/^(\d+)s$/);
  return now + (delay ? Number(delay[1]) * 1000 : 0);
}

export interface SignOptions {
  signingKey: string;
  /** The exact URL the message is for (the JWT's subject). */
  url: string;
  /** The raw body, hashed into the `body` claim. */
  body: string;
  /** Issued this many seconds before now (real time, as jose checks it); default 0. */
  ageSeconds?: number;
  /** Valid for this many seconds after issue; default 300. */
  lifetimeSeconds?: number;
}

/**
 * An Upstash-Signature as QStash mints it: an HS256 JWT keyed with the signing
 * key's UTF-8 bytes; iss "Upstash", sub the URL, body base64url(sha256(raw body)).
 */
export async function signQStash({ signingKey, url, body, ageSeconds = 0, lifetimeSeconds = 300 }: SignOptions): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  const issuedAt = Math.floor(Date.now() / 1000) - ageSeconds;
  return new SignJWT({ body: Buffer.from(digest).toString('base64url') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('Upstash')
    .setSubject(url)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .setJti(`jwt_${crypto.randomUUID()}`)
    .sign(new TextEncoder().encode(signingKey));
}

/** Runs `action` with the QStash client's own console lines (a refused call, a 404 on cancel) kept out of the test output. */
export async function withoutClientLogs<T>(action: () => Promise<T>): Promise<T> {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return await action();
  } finally {
    Object.assign(console, { error, warn });
  }
}
