// Transactional email: what each message says (escaped in HTML, literal in text,
// framed with the shop's name and address), that each domain event queues exactly
// one through the scheduler, that the http transport speaks the provider's API,
// that a failing provider leaves a failed job an admin can see and retry (and
// never fails the checkout), and the mailbox's procedures, pages and HTML route.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { jobRunner } from '../../server/local/scheduler.ts';
import { httpTransport } from '../../server/mail/transports.ts';
import { EMAIL_POLICY } from '../../server/mail/mailbox-html.ts';
import { recordingLogger } from '../../server/testing/logger.ts';
import { ADMIN, CUSTOMER, createTestShop, type TestShop } from '../../server/testing/test-shop.ts';
import { renderPage } from '../../client/entry-server.tsx';
import { createCoupon } from '../coupon/coupons.ts';
import type { MailMessage } from '../ports.ts';
import { framedEmail } from './layout.ts';
import { orderCancelledEmail, orderConfirmationEmail, orderShippedEmail, paymentFailedEmail, welcomeEmail, type OrderFacts } from './messages.ts';
import { queueWelcome } from './notifications.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const EVIL = '<img src=x onerror=alert(1)>';
const EVIL_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
const GOOD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvv: '123' };
const DECLINED = { ...GOOD, number: '4000 0000 0000 0002' };
const ADDRESS = { firstName: 'Ada', lastName: 'Byron', street: '1 Analytical Way', city: 'London', state: '', zip: 'N1 9GU', country: 'GB' };
let n = 0;
const key = () => `email-test-${++n}-${crypto.randomUUID()}`;

/** A product of its own per test, so tests do not share stock. */
async function product(stock = 10, priceCents = 2500, name = `Mail Item ${++n}`) {
  const now = shop.clock.now();
  const { id } = await shop.db
    .insertInto('products')
    .values({ slug: `mail-item-${++n}`, name, description: 'A thing', priceCents, stock, imageUrl: '/img/x.svg', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function buyer(productId: number, quantity = 1, shippingAddress = ADDRESS) {
  const { session, email } = await shop.register();
  const api = shop.caller(session);
  await api.cart.add({ productId, quantity });
  return { api, session, email, order: (input: Record<string, unknown> = {}) => api.checkout.placeOrder({ idempotencyKey: key(), email, shippingAddress, ...input }) };
}

const jobsKeyed = (k: string) => shop.db.selectFrom('jobs').selectAll().where('key', '=', `email:${k}`).execute();
const mailTo = (to: string) => shop.db.selectFrom('mailbox').selectAll().where('to', '=', to).orderBy('id').execute();
const shopFacts = () => ({ shopName: shop.config.shopName, shopAddress: shop.config.shopAddress, publicUrl: 'https://shop.example' });

const FACTS: OrderFacts = {
  id: 42,
  lines: [
    { name: EVIL, quantity: 2, unitPriceCents: 1250, lineTotalCents: 2500 },
    { name: 'Plain Mug', quantity: 1, unitPriceCents: 900, lineTotalCents: 900 },
  ],
  subtotalCents: 3400,
  discountCents: 340,
  shippingCents: 0,
  taxCents: 252,
  totalCents: 3312,
  currency: 'USD',
  couponCode: 'SAVE<b>10',
  shippingAddress: { firstName: EVIL, lastName: 'O"Brien & Sons', street: '1 <script>x</script> St', city: 'Springfield', state: 'IL', zip: '62704', country: 'US' },
  expiresAt: Date.UTC(2026, 11, 3, 14, 5),
};

/** The framed message, as it is queued. */
const framed = (body: ReturnType<typeof welcomeEmail>, to = 'ada@example.com') => framedEmail(shopFacts(), to, body);

function expectSafe(message: MailMessage) {
  // Nothing a person typed becomes markup.
  expect(message.html).not.toContain('<img src=x');
  expect(message.html).not.toContain('<script>');
  expect(message.html).not.toContain('<b>');
  expect(message.html).toContain(`${shop.config.shopName} · ${shop.config.shopAddress}`);
  expect(message.text).toContain(`${shop.config.shopName} · ${shop.config.shopAddress}`);
  expect(message.html).toContain(`href="https://shop.example"`);
  expect(message.html).toStartWith('<!doctype html>');
}

describe('messages', () => {
  it('welcome: greets by name, escaped in HTML and literal in text, with the shop in both parts', () => {
    const message = framed(welcomeEmail(shopFacts(), { name: EVIL }));
    expect(message.subject).toBe('Welcome to GoMall');
    expectSafe(message);
    expect(message.html).toContain(`Hi ${EVIL_ESCAPED},`);
    expect(message.text).toStartWith(`Hi ${EVIL},`);
    expect(message.text).toContain('Start shopping: https://shop.example/');
    // No name: still a greeting.
    expect(welcomeEmail(shopFacts(), { name: '' }).text).toStartWith('Hi there,');
  });

  it('order confirmation: lines, totals with the coupon, shipping address and a link to the order', () => {
    const message = framed(orderConfirmationEmail(shopFacts(), FACTS));
    expect(message.subject).toBe('Order #42 is confirmed');
    expectSafe(message);
    for (const part of [message.html, message.text]) {
      expect(part).toContain('$34.00'); // subtotal
      expect(part).toContain('−$3.40'); // discount
      expect(part).toContain('$2.52'); // tax
      expect(part).toContain('$33.12'); // total
      expect(part).toContain('Free'); // shipping
      expect(part).toContain('Springfield, IL 62704');
      expect(part).toContain('United States');
      expect(part).toContain('https://shop.example/orders/42');
    }
    expect(message.html).toContain(`${EVIL_ESCAPED}<br><span style="color:#6b7280">2 × $12.50</span>`);
    expect(message.html).toContain('O&quot;Brien &amp; Sons');
    expect(message.html).toContain('1 &lt;script&gt;x&lt;/script&gt; St');
    expect(message.html).toContain('Discount (SAVE&lt;b&gt;10)');
    expect(message.html).toContain('href="https://shop.example/orders/42"');
    expect(message.text).toContain(`- ${EVIL}: 2 × $12.50 = $25.00`);
    expect(message.text).toContain('Discount (SAVE<b>10): −$3.40');
    expect(message.text).toContain(`  ${EVIL} O"Brien & Sons`);
    expect(message.text).toContain('  1 <script>x</script> St');
  });

  it('payment failed: the decline reason, the deadline and a pay-again link', () => {
    const message = framed(paymentFailedEmail(shopFacts(), FACTS, { message: 'Your card was declined. Please use another card.' }));
    expect(message.subject).toBe('Payment for order #42 did not go through');
    expectSafe(message);
    for (const part of [message.html, message.text]) {
      expect(part).toContain('Your card was declined. Please use another card.');
      expect(part).toContain('Dec 3, 2026, 2:05 PM UTC');
      expect(part).toContain('$33.12');
    }
    expect(message.html).toMatch(/<a href="https:\/\/shop.example\/orders\/42"[^>]*>Pay again<\/a>/);
    expect(message.text).toContain('Pay again: https://shop.example/orders/42');
  });

  it('order cancelled: says why (timeout or the shopper), that stock went back and the coupon is given back', () => {
    const timeout = framed(orderCancelledEmail(shopFacts(), FACTS, 'timeout'));
    expect(timeout.subject).toBe('Order #42 was cancelled');
    expectSafe(timeout);
    for (const part of [timeout.html, timeout.text]) {
      expect(part).toContain('cancelled because it was not paid in time.');
      expect(part).toContain('Nothing was charged, and the items it held have gone back on the shelf');
    }
    expect(timeout.html).toContain('Your coupon SAVE&lt;b&gt;10 has been given back');
    expect(timeout.text).toContain('Your coupon SAVE<b>10 has been given back');
    const shopper = orderCancelledEmail(shopFacts(), { ...FACTS, couponCode: null }, 'shopper');
    expect(shopper.text).toContain('cancelled because you cancelled it.');
    expect(shopper.text).not.toContain('coupon');
  });

  it('order shipped: the items, where they are going and a link', () => {
    const message = framed(orderShippedEmail(shopFacts(), FACTS));
    expect(message.subject).toBe('Order #42 has shipped');
    expectSafe(message);
    for (const part of [message.html, message.text]) {
      expect(part).toContain('order #42 (3 items) is on its way');
      expect(part).toContain('Springfield, IL 62704');
      expect(part).toContain('https://shop.example/orders/42');
    }
  });
});

describe('emails queued by the shop', () => {
  it('registration queues exactly one welcome email, delivered by the job', async () => {
    await shop.jobs.runDue();
    const { user, email } = await shop.register({ name: EVIL });
    const jobs = await jobsKeyed(`welcome:${user.id}`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: 'email.send', status: 'pending' });
    // Queued again (a retried request): still one job.
    await queueWelcome(shop, { id: user.id, email, name: EVIL });
    expect(await jobsKeyed(`welcome:${user.id}`)).toHaveLength(1);
    expect(await mailTo(email)).toHaveLength(0);

    await shop.jobs.runDue();
    const sent = await mailTo(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: 'Welcome to GoMall', from: shop.config.mailFrom });
    expect(sent[0]!.html).toContain(`Hi ${EVIL_ESCAPED},`);
    expect(sent[0]!.text).toContain(`Hi ${EVIL},`);
    expect((await jobsKeyed(`welcome:${user.id}`))[0]!.status).toBe('done');
  });

  it('a paid checkout queues an order confirmation', async () => {
    const id = await product(5, 3000, EVIL);
    const { email, order } = await buyer(id, 2);
    const placed = await order({ card: GOOD });
    expect(placed.status).toBe('paid');
    expect(await jobsKeyed(`order-confirmed:${placed.orderId}`)).toHaveLength(1);
    await shop.jobs.runDue();
    const [confirmation] = (await mailTo(email)).filter((m) => m.subject.includes('confirmed'));
    expect(confirmation!.subject).toBe(`Order #${placed.orderId} is confirmed`);
    expect(confirmation!.html).toContain(`${EVIL_ESCAPED}<br>`);
    expect(confirmation!.html).not.toContain('<img src=x');
    expect(confirmation!.text).toContain(`- ${EVIL}: 2 × $30.00 = $60.00`);
    expect(confirmation!.text).toContain(`Total: $${(placed.totalCents / 100).toFixed(2)}`);
    expect(confirmation!.text).toContain(`${shop.config.publicUrl}/orders/${placed.orderId}`);
    expect(confirmation!.text).toContain('1 Analytical Way');
  });

  it('a declined checkout queues a payment-failed email (one per declined payment)', async () => {
    const { api, email, order } = await buyer(await product());
    const placed = await order({ card: DECLINED });
    expect(placed.payment.status).toBe('declined');
    const [payment] = await api.payment.list({ orderId: placed.orderId });
    expect(await jobsKeyed(`payment-failed:${payment!.id}`)).toHaveLength(1);
    // A second decline is a second payment, and a second email.
    await api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: DECLINED });
    await shop.jobs.runDue();
    const failed = (await mailTo(email)).filter((m) => m.subject === `Payment for order #${placed.orderId} did not go through`);
    expect(failed).toHaveLength(2);
    expect(failed[0]!.text).toContain('Reason: Your card was declined. Please use another card.');
    expect(failed[0]!.text).toContain(`Pay again: ${shop.config.publicUrl}/orders/${placed.orderId}`);
    // Paying after all confirms it.
    await api.payment.pay({ orderId: placed.orderId, idempotencyKey: key(), card: GOOD });
    expect(await jobsKeyed(`order-confirmed:${placed.orderId}`)).toHaveLength(1);
  });

  it('an order that expires unpaid queues a cancellation email saying it was not paid in time', async () => {
    const id = await product(4);
    await createCoupon(shop.db, { code: 'MAILONCE', kind: 'percent', percent: 5 }, shop.clock.now());
    const { email, order } = await buyer(id, 3);
    const placed = await order({ couponCode: 'MAILONCE' });
    shop.clock.advance(shop.config.orderPaymentTimeoutSeconds * 1000 - 1000);
    await shop.jobs.runDue();
    expect(await jobsKeyed(`order-cancelled:${placed.orderId}`)).toHaveLength(0);
    shop.clock.advance(1000);
    await shop.jobs.runDue(); // the expiry, then the email it queued (due at once)
    const [cancelled] = (await mailTo(email)).filter((m) => m.subject === `Order #${placed.orderId} was cancelled`);
    expect(cancelled!.text).toContain('cancelled because it was not paid in time.');
    expect(cancelled!.text).toContain('gone back on the shelf');
    expect(cancelled!.text).toContain('Your coupon MAILONCE has been given back');
    expect(await jobsKeyed(`order-cancelled:${placed.orderId}`)).toHaveLength(1);
  });

  it('a shopper cancelling queues "you cancelled it"; shipping queues "on its way"', async () => {
    const mine = await buyer(await product());
    const placed = await mine.order();
    await mine.api.order.cancel({ orderId: placed.orderId });
    const [job] = await jobsKeyed(`order-cancelled:${placed.orderId}`);
    expect(JSON.parse(job!.payload).text).toContain('cancelled because you cancelled it.');

    const paid = await (await buyer(await product())).order({ card: GOOD });
    await shop.caller(ADMIN).admin.order.markShipped({ orderId: paid.orderId });
    const [shipped] = await jobsKeyed(`order-shipped:${paid.orderId}`);
    expect(JSON.parse(shipped!.payload)).toMatchObject({ subject: `Order #${paid.orderId} has shipped` });
  });
});

describe('the http transport', () => {
  it('POSTs the provider JSON with the bearer key, and throws on a refusal', async () => {
    const seen: { body: any; authorization: string | null }[] = [];
    let status = 200;
    const server = Bun.serve({
      port: 0,
      async fetch(req) {
        seen.push({ body: await req.json(), authorization: req.headers.get('authorization') });
        return status === 200 ? Response.json({ id: 'msg_1' }) : new Response('quota exceeded', { status });
      },
    });
    try {
      const url = `http://localhost:${server.port}/emails`;
      const transport = httpTransport(url, 're_test_key', 'GoMall <shop@gomall.local>');
      const message = framedEmail(shop.config, 'ada@example.com', welcomeEmail(shop.config, { name: 'Ada' }));
      await transport.send({ ...message, headers: { 'X-Test': '1' } });
      expect(seen).toEqual([
        {
          authorization: 'Bearer re_test_key',
          body: { from: 'GoMall <shop@gomall.local>', to: ['ada@example.com'], subject: 'Welcome to GoMall', html: message.html, text: message.text, headers: { 'X-Test': '1' } },
        },
      ]);

      // Through the email.send job, as the shop sends.
      await shop.jobs.runDue();
      const { user } = await shop.register();
      const runner = jobRunner({ deps: { ...deps(), mail: transport }, logger: recordingLogger() });
      await runner.runDue();
      expect(seen.at(-1)!.body).toMatchObject({ to: [user.email], subject: 'Welcome to GoMall' });

      status = 503;
      await expect(transport.send(message)).rejects.toThrow('email API answered 503: quota exceeded');
    } finally {
      await server.stop(true);
    }
  });
});

const deps = () => ({ db: shop.db, carts: shop.carts, scheduler: shop.scheduler, mail: shop.mail, clock: shop.clock, config: shop.config });

describe('a failing email provider', () => {
  it('never fails the checkout: the job retries with backoff, ends failed, shows in admin.job.list and can be retried', async () => {
    await shop.jobs.runDue();
    const down = { send: async () => void (await Promise.reject(new Error('provider down: 503'))) };
    const logger = recordingLogger();
    const failing = jobRunner({ deps: { ...deps(), mail: down }, logger, retryDelayMs: 1000, maxAttempts: 3 });

    const { email, order } = await buyer(await product());
    const placed = await order({ card: GOOD });
    expect(placed).toMatchObject({ status: 'paid', payment: { status: 'succeeded' } });
    const jobKey = `order-confirmed:${placed.orderId}`;

    await failing.runDue();
    let [job] = await jobsKeyed(jobKey);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'provider down: 503' });
    // Backoff with jitter: the first retry waits half to all of the base delay, the next twice that.
    expect(job!.runAt - shop.clock.now()).toBeGreaterThanOrEqual(500);
    expect(job!.runAt - shop.clock.now()).toBeLessThanOrEqual(1000);
    expect(await failing.runDue()).toBe(0); // not due yet
    shop.clock.advance(1000);
    await failing.runDue();
    [job] = await jobsKeyed(jobKey);
    expect(job).toMatchObject({ status: 'pending', attempts: 2 });
    expect(job!.runAt - shop.clock.now()).toBeGreaterThanOrEqual(1000);
    expect(job!.runAt - shop.clock.now()).toBeLessThanOrEqual(2000);
    shop.clock.advance(2000);
    await failing.runDue();
    [job] = await jobsKeyed(jobKey);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'provider down: 503' });
    expect(logger.errors.some((e) => e.line.includes(`#${job!.id} failed (attempt 3 of 3)`))).toBe(true);
    expect(await mailTo(email)).toEqual([]);

    const admin = shop.caller(ADMIN).admin.job;
    const listed = await admin.list({ status: 'failed' });
    const row = listed.items.find((j) => j.id === job!.id);
    expect(row).toMatchObject({ name: 'email.send', status: 'failed', attempts: 3, lastError: 'provider down: 503', summary: `To ${email}: Order #${placed.orderId} is confirmed` });
    expect(listed.counts.failed).toBeGreaterThanOrEqual(1);
    expect(row).not.toHaveProperty('payload');
    await expect(shop.caller(CUSTOMER).admin.job.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.caller(CUSTOMER).admin.job.retry({ id: job!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The provider is back: retry puts it in the queue now, and the shop's runner delivers it.
    await admin.retry({ id: job!.id });
    [job] = await jobsKeyed(jobKey);
    expect(job).toMatchObject({ status: 'pending', attempts: 0, runAt: shop.clock.now() });
    await expect(admin.retry({ id: job!.id })).rejects.toMatchObject({ code: 'CONFLICT', message: `Job #${job!.id} is pending; only failed jobs can be retried.` });
    await expect(admin.retry({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await shop.jobs.runDue();
    expect((await jobsKeyed(jobKey))[0]!.status).toBe('done');
    expect((await mailTo(email)).map((m) => m.subject)).toContain(`Order #${placed.orderId} is confirmed`);
  });
});

describe('the mailbox', () => {
  it('email.mailbox and email.message read it in test mode; admin.mailbox is for admins', async () => {
    await shop.jobs.runDue();
    const { email } = await shop.register();
    await shop.jobs.runDue();
    const api = shop.caller();
    const page = await api.email.mailbox({});
    expect(page.items[0]).toMatchObject({ to: email, subject: 'Welcome to GoMall', from: shop.config.mailFrom });
    expect(page.items[0]).not.toHaveProperty('html');
    expect(page).toMatchObject({ page: 1, pageSize: 20 });
    const message = await api.email.message({ id: page.items[0]!.id });
    expect(message).toMatchObject({ to: email, headers: {} });
    expect(message.text).toContain('Hi there,');
    await expect(api.email.message({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect((await shop.caller(ADMIN).admin.mailbox.list({})).total).toBe(page.total);
    expect((await shop.caller(ADMIN).admin.mailbox.get({ id: message.id })).html).toBe(message.html);
    await expect(shop.caller(CUSTOMER).admin.mailbox.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.caller(null).admin.mailbox.get({ id: message.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('pages: /dev/mailbox lists and shows a message, its HTML served under its own strict CSP', async () => {
    const { items } = await shop.caller().email.mailbox({});
    const latest = items[0]!;
    const list = await shop.fetch('/dev/mailbox');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`href="/dev/mailbox/${latest.id}"`);
    expect(listHtml).toContain(latest.to);

    const view = await shop.fetch(`/dev/mailbox/${latest.id}`);
    expect(view.status).toBe(200);
    const viewHtml = await view.text();
    const iframe = /<iframe[^>]*>/.exec(viewHtml)?.[0] ?? '';
    expect(iframe).toContain(`src="/dev/mailbox/${latest.id}/html"`);
    expect(iframe).toMatch(/ sandbox[ >=]/);
    expect(viewHtml).toContain('class="message-text');
    expect(viewHtml).toContain('Hi there,');

    const frame = await shop.fetch(`/dev/mailbox/${latest.id}/html`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toBe(EMAIL_POLICY);
    expect(EMAIL_POLICY).toContain("default-src 'none'");
    expect(EMAIL_POLICY).toContain('sandbox');
    expect(await frame.text()).toBe((await shop.caller().email.message({ id: latest.id })).html);
    expect((await shop.fetch('/dev/mailbox/999999/html')).status).toBe(404);
    expect((await shop.fetch('/dev/mailbox/999999')).status).toBe(404);

    // The admin copy: only for admins.
    expect((await shop.fetch(`/admin/mailbox/${latest.id}/html`)).status).toBe(401);
    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const adminFrame = await shop.fetch(`/admin/mailbox/${latest.id}/html`, { headers: { cookie: admin.cookie } });
    expect(adminFrame.status).toBe(200);
    expect(adminFrame.headers.get('content-security-policy')).toBe(EMAIL_POLICY);
    const customer = await shop.register();
    expect((await shop.fetch(`/admin/mailbox/${latest.id}/html`, { headers: { cookie: customer.cookie } })).status).toBe(403);
    const adminList = await shop.fetch('/admin/mailbox', { headers: { cookie: admin.cookie } });
    expect(adminList.status).toBe(200);
    expect(await adminList.text()).toContain(`href="/admin/mailbox/${latest.id}"`);
  });

  it('/admin/jobs lists failed jobs with a Retry form that works as a plain post', async () => {
    const [failed] = await shop.db.selectFrom('jobs').select('id').where('status', '=', 'failed').execute();
    const target =
      failed?.id ??
      (
        await shop.db
          .insertInto('jobs')
          .values({ name: 'email.send', payload: '{}', key: null, runAt: 0, status: 'failed', attempts: 5, lastError: 'boom', lockedUntil: null, createdAt: 0, updatedAt: 0 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await shop.db.updateTable('jobs').set({ status: 'failed', lastError: 'provider down: 503' }).where('id', '=', target).execute();
    const page = await renderPage('http://localhost/admin/jobs', shop.caller(ADMIN));
    expect(page.status).toBe(200);
    expect(page.body).toContain('provider down: 503');
    expect(page.body).toMatch(/<form[^>]*action="\/admin\/jobs\/retry"/);
    expect((await renderPage('http://localhost/admin/jobs', shop.caller(CUSTOMER))).status).toBe(403);

    const admin = await shop.register();
    await shop.makeAdmin(admin.email);
    const res = await shop.fetch('/admin/jobs/retry', {
      method: 'POST',
      headers: { origin: 'http://localhost', cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: String(target), status: 'failed' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/jobs?status=failed&saved=retried');
    expect((await shop.db.selectFrom('jobs').select('status').where('id', '=', target).executeTakeFirstOrThrow()).status).toBe('pending');
  });
});

describe('in production', () => {
  let prod: TestShop;
  beforeAll(async () => {
    prod = await createTestShop({ mode: 'production', env: { SESSION_SECRET: 'p'.repeat(40) } });
  });
  afterAll(() => prod.close());

  it('there is no development mailbox: procedures, pages and the HTML route answer 404', async () => {
    await expect(prod.caller().email.mailbox({})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(prod.caller().email.message({ id: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prod.fetch('/dev/mailbox')).status).toBe(404);
    expect((await prod.fetch('/dev/mailbox/1')).status).toBe(404);
    expect((await prod.fetch('/dev/mailbox/1/html')).status).toBe(404);
    // Admins still read what a mailbox transport stored.
    expect(await prod.caller(ADMIN).admin.mailbox.list({})).toMatchObject({ items: [], total: 0 });
  });
});
