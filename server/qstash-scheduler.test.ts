// The QStash adapter against QStash's HTTP API as its client speaks it: a local
// server on a free port (server/testing/qstash.ts) records every call, and the
// client's base URL (QSTASH_URL) points at it.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readConfig } from '../routers/config.ts';
import { startQStashStandIn, withoutClientLogs, type QStashStandIn } from './testing/qstash.ts';
import { createTestShop, type TestShop } from './testing/test-shop.ts';
import { deduplicationId, qstashScheduler } from './qstash-scheduler.ts';
import { schedulerFor } from './scheduler-for.ts';

const TOKEN = 'qstash-test-token';
let qstash: QStashStandIn;
let shop: TestShop;

beforeAll(async () => {
  let now = () => 0;
  qstash = startQStashStandIn({ token: TOKEN, now: () => now() });
  shop = await createTestShop({
    env: {
      SCHEDULER: 'qstash',
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: TOKEN,
      QSTASH_CURRENT_SIGNING_KEY: 'sig_current',
      QSTASH_NEXT_SIGNING_KEY: 'sig_next',
      PUBLIC_URL: 'https://shop.test',
    },
  });
  now = shop.clock.now;
});
afterAll(async () => {
  qstash?.stop();
  await shop?.close();
});

const stored = (key: string) => shop.db.selectFrom('scheduled_messages').selectAll().where('key', '=', key).execute();
/** The calls the stand-in received during `action`. */
async function callsDuring(action: () => Promise<unknown>) {
  const before = qstash.requests.length;
  await action();
  return qstash.requests.slice(before);
}

describe('QStash scheduler', () => {
  const message = { to: 'ada@example.com', subject: 'Welcome', html: '<p>Hi</p>', text: 'Hi' };

  it('publishes a delayed job to the shop’s webhook with a delay, a deduplication id, retries and the token', async () => {
    const calls = await callsDuring(() => shop.scheduler.schedule('email.send', message, { delaySeconds: 90, key: 'email:welcome:1' }));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect([call!.method, call!.path]).toEqual(['POST', '/v2/publish/https://shop.test/jobs/email.send']);
    expect(call!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call!.headers.get('upstash-delay')).toBe('90s');
    expect(call!.headers.get('upstash-not-before')).toBeNull();
    expect(call!.headers.get('upstash-deduplication-id')).toBe('email_3Awelcome_3A1');
    expect(call!.headers.get('upstash-retries')).toBe('5');
    expect(call!.headers.get('upstash-method')).toBe('POST');
    expect(call!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(call!.body)).toEqual(message);
    const id = qstash.messages.at(-1)!.id;
    expect(await stored('email:welcome:1')).toEqual([{ key: 'email:welcome:1', messageId: id, createdAt: shop.clock.now() }]);
  });

  it('publishes a job due at a time as Upstash-Not-Before, in seconds rounded up', async () => {
    const at = shop.clock.now() + 1_500;
    const [call] = await callsDuring(() => shop.scheduler.schedule('order.expire', { orderId: 7 }, { at, key: 'order.expire:7' }));
    expect(call!.path).toBe('/v2/publish/https://shop.test/jobs/order.expire');
    expect(call!.headers.get('upstash-not-before')).toBe(String(shop.clock.now() / 1000 + 2));
    expect(call!.headers.get('upstash-delay')).toBeNull();
    expect(call!.headers.get('upstash-deduplication-id')).toBe('order.expire_3A7');
    expect(call!.body).toBe('{"orderId":7}');
  });

  it('publishes a key once: scheduling it again calls QStash no more and keeps the one row', async () => {
    const calls = await callsDuring(() => shop.scheduler.schedule('order.expire', { orderId: 7 }, { delaySeconds: 5, key: 'order.expire:7' }));
    expect(calls).toEqual([]);
    expect(await stored('order.expire:7')).toHaveLength(1);
  });

  it('publishes a job without a key without a deduplication id, and stores nothing', async () => {
    const rows = async () => (await shop.db.selectFrom('scheduled_messages').select('key').execute()).length;
    const before = await rows();
    const [call] = await callsDuring(() => shop.scheduler.schedule('email.send', message, { delaySeconds: 0 }));
    expect(call!.headers.get('upstash-deduplication-id')).toBeNull();
    expect(call!.headers.get('upstash-delay')).toBe('0s');
    expect(await rows()).toBe(before);
  });

  it('cancels through QStash (DELETE /v2/messages/<id>) and forgets the key; an unknown key calls nothing', async () => {
    const { messageId } = (await stored('order.expire:7'))[0]!;
    const calls = await callsDuring(() => shop.scheduler.cancel('order.expire:7'));
    expect(calls.map((c) => [c.method, c.path, c.headers.get('authorization')])).toEqual([['DELETE', `/v2/messages/${messageId}`, `Bearer ${TOKEN}`]]);
    expect(qstash.messages.find((m) => m.id === messageId)!.state).toBe('cancelled');
    expect(await stored('order.expire:7')).toEqual([]);
    expect(await callsDuring(() => shop.scheduler.cancel('order.expire:7'))).toEqual([]);
    expect(await callsDuring(() => shop.scheduler.cancel('never-scheduled'))).toEqual([]);
  });

  it('takes QStash’s 404 on cancel (the message was delivered already) as done', async () => {
    await shop.scheduler.schedule('order.expire', { orderId: 8 }, { delaySeconds: 1, key: 'order.expire:8' });
    qstash.messages.at(-1)!.state = 'delivered';
    const calls = await callsDuring(() => withoutClientLogs(() => shop.scheduler.cancel('order.expire:8')));
    expect(calls.map((c) => c.method)).toEqual(['DELETE']);
    expect(await stored('order.expire:8')).toEqual([]);
  });

  it('fails the schedule when QStash refuses it, storing nothing', async () => {
    const scheduler = qstashScheduler({ db: shop.db, clock: shop.clock, config: { ...shop.config, qstashToken: 'wrong-token' } });
    const refused = withoutClientLogs(() => scheduler.schedule('order.expire', { orderId: 9 }, { delaySeconds: 1, key: 'order.expire:9' }));
    await expect(refused).rejects.toThrow(/Unauthorized/);
    expect(await stored('order.expire:9')).toEqual([]);
  });
});

describe('deduplicationId', () => {
  it('keeps letters, digits, dots and dashes, and escapes every other byte, so it is QStash-safe and one-to-one', () => {
    expect(deduplicationId('order.expire:42')).toBe('order.expire_3A42');
    expect(deduplicationId('email:a_b@x.io')).toBe('email_3Aa_5Fb_40x.io');
    expect(deduplicationId('ü / é')).toBe('_C3_BC_20_2F_20_C3_A9');
    const keys = ['a:b', 'a_3Ab', 'a_b', 'a b', 'A:B', '', 'order.expire:1', 'order.expire:11'];
    const ids = keys.map(deduplicationId);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_.-]*$/);
  });
});

describe('schedulerFor', () => {
  const otherMessage = { to: 'b@example.com', subject: 'S', html: '<p>x</p>', text: 'x' };

  it('picks the jobs table unless SCHEDULER=qstash', async () => {
    const local = schedulerFor(readConfig({}, 'test'), shop.db, shop.clock);
    const calls = await callsDuring(() => local.schedule('email.send', otherMessage, { delaySeconds: 0, key: 'picked-local' }));
    expect(calls).toEqual([]);
    expect(await shop.db.selectFrom('jobs').select('name').where('key', '=', 'picked-local').execute()).toEqual([{ name: 'email.send' }]);
  });

  it('picks QStash with SCHEDULER=qstash', async () => {
    const env = { SCHEDULER: 'qstash', QSTASH_URL: qstash.url, QSTASH_TOKEN: TOKEN, QSTASH_CURRENT_SIGNING_KEY: 'a', QSTASH_NEXT_SIGNING_KEY: 'b' };
    const picked = schedulerFor(readConfig(env, 'test'), shop.db, shop.clock);
    const calls = await callsDuring(() => picked.schedule('email.send', otherMessage, { delaySeconds: 0, key: 'picked-qstash' }));
    expect(calls.map((c) => c.path)).toEqual(['/v2/publish/http://localhost:3000/jobs/email.send']);
  });
});
