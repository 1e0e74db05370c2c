// Marketing email: opting in (off unless chosen), campaigns fanned out in batches to
// the opted-in users only, sent once however often "send" is pressed, a retried batch
// queueing nothing twice, counts of queued, sent and failed emails; each email's
// unsubscribe link and List-Unsubscribe headers; unsubscribing (page, form, RFC 8058
// one-click POST) with a valid, tampered and expired token; and the admin pages.
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { SignJWT } from 'jose';
import { jobRunner } from '../../server/local/scheduler.ts';
import { EMAIL_POLICY } from '../../server/mail/mailbox-html.ts';
import { recordingLogger } from '../../server/testing/logger.ts';
import { ADMIN, createTestShop, CUSTOMER, type TestShop } from '../../server/testing/test-shop.ts';
import { renderPage } from '../../client/entry-server.tsx';
import { jobHandlers } from '../jobs.ts';
import { CAMPAIGN_BATCH_SIZE, fanOutCampaign } from './campaign.ts';
import { UNSUBSCRIBE_TTL_MS, unsubscribeToken } from './unsubscribe.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await createTestShop();
});
afterAll(() => shop.close());

const admin = () => shop.caller(ADMIN).admin.campaign;
const deps = () => ({ db: shop.db, carts: shop.carts, scheduler: shop.scheduler, mail: shop.mail, clock: shop.clock, config: shop.config });
const form = (fields: Record<string, string>, cookie?: string, origin = 'http://localhost') => ({
  method: 'POST',
  headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
  body: new URLSearchParams(fields).toString(),
});
const optedIn = async (email: string) =>
  (await shop.db.selectFrom('users').select('marketingOptIn').where('email', '=', email).executeTakeFirstOrThrow()).marketingOptIn === 1;
const audience = async () =>
  Number((await shop.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('marketingOptIn', '=', 1).executeTakeFirstOrThrow()).n);
const mailWithSubject = (subject: string) => shop.db.selectFrom('mailbox').selectAll().where('subject', '=', subject).execute();
const fanOutJobs = (campaignId: number) =>
  shop.db.selectFrom('jobs').selectAll().where('name', '=', 'campaign.fanout').where('key', 'like', `campaign.fanout:${campaignId}:%`).orderBy('id').execute();
const emailJobs = (campaignId: number) => shop.db.selectFrom('jobs').selectAll().where('key', 'like', `email:campaign:${campaignId}:%`).execute();

/** Accounts made straight in the database (no password hashing): many, quickly. */
async function makeUsers(prefix: string, count: number, marketingOptIn: boolean) {
  const now = shop.clock.now();
  return shop.db
    .insertInto('users')
    .values(Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@example.com`, passwordHash: 'x', name: '', marketingOptIn: marketingOptIn ? 1 : 0, createdAt: now, updatedAt: now })))
    .returning(['id', 'email'])
    .execute();
}

const campaign = (subject: string) => ({
  subject,
  html: `<h1 style="margin:0">${subject}</h1><p>Everything is <strong>20% off</strong> this week.</p>`,
  text: `${subject}\n\nEverything is 20% off this week.`,
});

/** The token of an email's List-Unsubscribe link. */
function tokenOf(message: { headers: string }): string {
  const header = JSON.parse(message.headers)['List-Unsubscribe'] as string;
  return decodeURIComponent(/[?&]token=([^&>]+)/.exec(header)![1]!);
}

let adminCookie: string;

describe('marketing opt-in', () => {
  it('is off unless chosen: the sign-up checkbox opts in, the account page checkbox changes it', async () => {
    const plain = await shop.register();
    expect(await optedIn(plain.email)).toBe(false);
    expect(await shop.caller(plain.session).user.me()).toMatchObject({ marketingOptIn: false });

    // The sign-up form, ticked (a plain post, as without JavaScript).
    const signUp = await shop.fetch('/sign-up', form({ email: 'ticked@example.com', password: 'correct horse battery', confirmPassword: 'correct horse battery', marketingOptIn: 'on' }));
    expect(signUp.status).toBe(303);
    expect(await optedIn('ticked@example.com')).toBe(true);

    // The account page shows the box and its form sets it both ways.
    const account = await shop.fetch('/account', { headers: { cookie: plain.cookie } });
    expect(await account.text()).toMatch(/<form[^>]*action="\/account\/profile"[\s\S]*name="marketingOptIn" type="checkbox"(?! checked)/);
    expect((await shop.fetch('/account/profile', form({ name: 'Plain', marketingOptIn: 'on' }, plain.cookie))).status).toBe(303);
    expect(await optedIn(plain.email)).toBe(true);
    expect(await (await shop.fetch('/account', { headers: { cookie: plain.cookie } })).text()).toMatch(/name="marketingOptIn" type="checkbox" checked/);
    expect((await shop.fetch('/account/profile', form({ name: 'Plain' }, plain.cookie))).status).toBe(303);
    expect(await optedIn(plain.email)).toBe(false);
    // …and user.updateProfile takes it.
    expect(await shop.caller(plain.session).user.updateProfile({ marketingOptIn: true })).toMatchObject({ marketingOptIn: true });
    expect(await optedIn(plain.email)).toBe(true);

    const owner = await shop.register();
    await shop.makeAdmin(owner.email);
    adminCookie = owner.cookie;
  });
});

describe('admin.campaign', () => {
  it('creates drafts for admins only, with a subject, HTML and text', async () => {
    const created = await admin().create(campaign('Autumn sale'));
    expect(created).toMatchObject({ subject: 'Autumn sale', status: 'draft', sentAt: null, counts: { queued: 0, sent: 0, failed: 0 } });
    expect(created.audience).toBe(await audience());
    const refused = async (input: { subject: string; html: string; text: string }) => {
      const res = await shop.mutate('admin.campaign.create', input, adminCookie);
      expect(res.status).toBe(400);
      return ((await res.json()) as any).error.message;
    };
    expect(await refused({ subject: ' ', html: '<p>x</p>', text: 'x' })).toBe('subject: is required');
    expect(await refused({ subject: 'x', html: '  ', text: 'x' })).toBe('html: is required');
    expect(await refused({ subject: 'x', html: '<p>x</p>', text: '' })).toBe('text: is required');
    await expect(shop.caller(CUSTOMER).admin.campaign.create(campaign('Nope'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.caller(CUSTOMER).admin.campaign.send({ id: created.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shop.caller(null).admin.campaign.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(admin().get({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin().send({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fans out to every opted-in user and nobody else, in batches, once however often it is sent', async () => {
    await shop.jobs.runDue();
    const subscribers = await makeUsers('fan-in-', 2 * CAMPAIGN_BATCH_SIZE + 30, true);
    const others = await makeUsers('fan-out-', 25, false);
    const expected = await audience();
    expect(expected).toBeGreaterThanOrEqual(subscribers.length);

    const { id } = await admin().create(campaign('Winter sale'));
    // A double click: two sends at once, then a third.
    const [first, second] = await Promise.all([admin().send({ id }), admin().send({ id })]);
    const third = await admin().send({ id });
    for (const sent of [first, second, third]) expect(sent).toMatchObject({ id, status: 'sending', sentAt: shop.clock.now() });
    expect(await fanOutJobs(id)).toHaveLength(1);
    expect(await emailJobs(id)).toHaveLength(0);

    await shop.jobs.runDue(); // every batch, then every email
    const batches = Math.floor(expected / CAMPAIGN_BATCH_SIZE) + 1;
    const runs = await fanOutJobs(id);
    expect(runs).toHaveLength(batches);
    expect(runs.every((job) => job.status === 'done')).toBe(true);
    expect(await emailJobs(id)).toHaveLength(expected);

    const got = await mailWithSubject('Winter sale');
    expect(got).toHaveLength(expected);
    const recipients = new Set(got.map((m) => m.to));
    expect(recipients.size).toBe(expected);
    for (const user of subscribers) expect(recipients.has(user.email)).toBe(true);
    for (const user of others) expect(recipients.has(user.email)).toBe(false);

    const done = await admin().get({ id });
    expect(done).toMatchObject({ status: 'sent', counts: { queued: expected, sent: expected, failed: 0 } });
    // Sent again: nothing changes, nothing more is queued.
    expect(await admin().send({ id })).toMatchObject({ status: 'sent', counts: { queued: expected } });
    await shop.jobs.runDue();
    expect(await fanOutJobs(id)).toHaveLength(batches);
    expect(await mailWithSubject('Winter sale')).toHaveLength(expected);

    const listed = await admin().list({});
    expect(listed.items.find((c) => c.id === id)).toMatchObject({ subject: 'Winter sale', status: 'sent', counts: { queued: expected, sent: expected, failed: 0 } });
    expect(listed.items[0]).not.toHaveProperty('html');
    expect(listed.audience).toBe(expected);
  });

  it('each email: the campaign in the shop frame, its own unsubscribe link, List-Unsubscribe headers', async () => {
    const [message] = (await mailWithSubject('Winter sale')).filter((m) => m.to === 'fan-in-5@example.com');
    const token = tokenOf(message!);
    const link = `${shop.config.publicUrl}/unsubscribe?token=${token}`;
    expect(JSON.parse(message!.headers)).toEqual({ 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(message!.html).toContain('<p>Everything is <strong>20% off</strong> this week.</p>');
    expect(message!.html).toContain(`<a href="${link}" style="color:#6b7280">Unsubscribe from marketing email</a>`);
    expect(message!.html).toContain(`${shop.config.shopName} · ${shop.config.shopAddress}`);
    expect(message!.text).toStartWith('Winter sale\n\nEverything is 20% off this week.');
    expect(message!.text).toContain(`Unsubscribe: ${link}`);
    // The token names this user, for unsubscribing only; another user's email has another.
    const [claims] = token.split('.').slice(1, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    const user = await shop.db.selectFrom('users').select('id').where('email', '=', 'fan-in-5@example.com').executeTakeFirstOrThrow();
    expect(claims).toMatchObject({ sub: String(user.id), purpose: 'unsubscribe' });
    expect((claims.exp - claims.iat) * 1000).toBe(UNSUBSCRIBE_TTL_MS);
    const [other] = (await mailWithSubject('Winter sale')).filter((m) => m.to === 'fan-in-6@example.com');
    expect(tokenOf(other!)).not.toBe(token);
  });

  it('a retried batch queues and counts nothing twice', async () => {
    const expected = await audience();
    const { id } = await admin().create(campaign('Retried batch'));
    await admin().send({ id });
    // The first batch runs twice (a runner that died before marking it done), before the runner gets to it.
    await fanOutCampaign(deps(), { campaignId: id, after: 0, queued: 0 });
    await fanOutCampaign(deps(), { campaignId: id, after: 0, queued: 0 });
    expect(await emailJobs(id)).toHaveLength(CAMPAIGN_BATCH_SIZE);
    expect((await admin().get({ id })).counts).toEqual({ queued: CAMPAIGN_BATCH_SIZE, sent: 0, failed: 0 });
    const next = (await fanOutJobs(id)).filter((job) => JSON.parse(job.payload).after > 0);
    expect(next).toHaveLength(1);
    await shop.jobs.runDue();
    expect(await emailJobs(id)).toHaveLength(expected);
    expect(await mailWithSubject('Retried batch')).toHaveLength(expected);
    expect(await admin().get({ id })).toMatchObject({ status: 'sent', counts: { queued: expected, sent: expected, failed: 0 } });
    // A stray run after the campaign is sent does nothing.
    await fanOutCampaign(deps(), { campaignId: id, after: 0, queued: 0 });
    expect(await emailJobs(id)).toHaveLength(expected);
  });

  it('counts the emails the provider refused to the end as failed', async () => {
    await shop.jobs.runDue();
    const expected = await audience();
    const bouncing = new Set(['fan-in-1@example.com', 'fan-in-2@example.com']);
    const mail = {
      send: async (message: { to: string }) => {
        if (bouncing.has(message.to)) throw new Error('mailbox unavailable');
        await shop.mail.send(message as never);
      },
    };
    const runner = jobRunner({ deps: { ...deps(), mail }, logger: recordingLogger(), maxAttempts: 1, handlers: jobHandlers });
    const { id } = await admin().create(campaign('Some bounce'));
    await admin().send({ id });
    await runner.runDue();
    expect(await admin().get({ id })).toMatchObject({ status: 'sent', counts: { queued: expected, sent: expected - 2, failed: 2 } });
    const failed = await shop.caller(ADMIN).admin.job.list({ status: 'failed' });
    expect(failed.items.filter((job) => job.summary.endsWith(': Some bounce')).map((job) => job.summary).sort()).toEqual([
      'To fan-in-1@example.com: Some bounce',
      'To fan-in-2@example.com: Some bounce',
    ]);
  });
});

describe('unsubscribing', () => {
  const messageTo = async (email: string) => (await mailWithSubject('Winter sale')).find((m) => m.to === email)!;

  it('GET shows whose link it is and a button, and changes nothing (mail scanners open links)', async () => {
    const token = tokenOf(await messageTo('fan-in-10@example.com'));
    const res = await shop.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('fan-in-10@example.com');
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/unsubscribe"/);
    expect(html).toMatch(new RegExp(`<input[^>]*type="hidden" name="token" value="${token}"`));
    expect(html).toContain('>Unsubscribe</button>');
    expect(await optedIn('fan-in-10@example.com')).toBe(true);
  });

  it("the page's button (a plain post) unsubscribes, once or twice alike, without signing in", async () => {
    const token = tokenOf(await messageTo('fan-in-10@example.com'));
    for (let i = 0; i < 2; i++) {
      const res = await shop.fetch('/unsubscribe', form({ token }));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/unsubscribe?done=1');
      expect(await optedIn('fan-in-10@example.com')).toBe(false);
    }
    expect(await (await shop.fetch('/unsubscribe?done=1')).text()).toContain('You are unsubscribed.');
    // Opened again: already unsubscribed, no button.
    const again = await (await shop.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`)).text();
    expect(again).toContain('already gets no marketing email');
    expect(again).not.toContain('>Unsubscribe</button>');
  });

  it('RFC 8058 one-click: a cross-site POST to the List-Unsubscribe URL unsubscribes, idempotently', async () => {
    const token = tokenOf(await messageTo('fan-in-11@example.com'));
    const oneClick = () =>
      shop.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { origin: 'https://mail.provider.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    for (let i = 0; i < 2; i++) {
      const res = await oneClick();
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Unsubscribed');
      expect(await optedIn('fan-in-11@example.com')).toBe(false);
    }
    // Only that path is exempt from the same-origin check.
    const elsewhere = await shop.fetch('/account/profile', form({ name: 'x' }, undefined, 'https://mail.provider.example'));
    expect(elsewhere.status).toBe(403);
    const prefixed = await shop.fetch(`/unsubscribe-all?token=${encodeURIComponent(token)}`, form({}, undefined, 'https://mail.provider.example'));
    expect(prefixed.status).toBe(403);
  });

  it('email.unsubscribe through tRPC, as the page calls it with JavaScript', async () => {
    const token = tokenOf(await messageTo('fan-in-12@example.com'));
    expect(await shop.caller().email.unsubscribeLink({ token })).toEqual({ status: 'valid', email: 'fan-in-12@example.com', subscribed: true });
    expect(await shop.caller().email.unsubscribe({ token })).toBeNull();
    expect(await shop.caller().email.unsubscribe({ token })).toBeNull();
    expect(await shop.caller().email.unsubscribeLink({ token })).toEqual({ status: 'valid', email: 'fan-in-12@example.com', subscribed: false });
    expect(await optedIn('fan-in-12@example.com')).toBe(false);
  });

  it('a tampered token gets a clear message and changes nothing', async () => {
    const token = tokenOf(await messageTo('fan-in-13@example.com'));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherUser = await shop.db.selectFrom('users').select('id').where('email', '=', 'fan-in-14@example.com').executeTakeFirstOrThrow();
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: String(otherUser.id) };
    const tampered = [
      `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`, // signature changed
      `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`, // someone else's id
      await new SignJWT({ purpose: 'unsubscribe' }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(otherUser.id)).setExpirationTime('1d').sign(new TextEncoder().encode('another secret '.repeat(3))),
      // A session token is signed with the same secret, but is not for unsubscribing.
      await new SignJWT({ sid: 'x' }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(otherUser.id)).setIssuedAt(shop.clock.now() / 1000).setExpirationTime(shop.clock.now() / 1000 + 3600).sign(new TextEncoder().encode(shop.config.secret)),
      'not-a-token',
      '',
    ];
    for (const bad of tampered) {
      const page = await shop.fetch(`/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('This unsubscribe link is not valid');
      expect(html).not.toContain('>Unsubscribe</button>');
      const oneClick = await shop.fetch(`/unsubscribe?token=${encodeURIComponent(bad)}`, form({ 'List-Unsubscribe': 'One-Click' }, undefined, 'https://mail.provider.example'));
      expect(oneClick.status).toBe(400);
      expect(await oneClick.text()).toContain('This unsubscribe link is not valid');
      const posted = await shop.fetch('/unsubscribe', form({ token: bad }));
      expect(posted.status).toBe(400);
      expect(await posted.text()).toContain('This unsubscribe link is not valid');
      await expect(shop.caller().email.unsubscribe({ token: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'UNSUBSCRIBE_LINK_INVALID' } });
    }
    expect(await optedIn('fan-in-13@example.com')).toBe(true);
    expect(await optedIn('fan-in-14@example.com')).toBe(true);
  });
});

describe('admin campaign pages', () => {
  it('/admin/campaigns: the list with status and counts, the compose form and its live preview frame; admins only', async () => {
    const page = await renderPage('http://localhost/admin/campaigns', shop.caller(ADMIN));
    expect(page.status).toBe(200);
    const html = page.body;
    expect(html).toMatch(/<a href="\/admin\/campaigns" aria-current="page"[^>]*>Campaigns<\/a>/);
    const row = /<tr[^>]*class="admin-campaign-row[^"]*"[^>]*>((?:(?!<\/tr>)[\s\S])*Winter sale(?:(?!<\/tr>)[\s\S])*)<\/tr>/.exec(html)?.[1] ?? '';
    const { counts } = (await admin().list({})).items.find((c) => c.subject === 'Winter sale')!;
    expect(counts.queued).toBeGreaterThan(2 * CAMPAIGN_BATCH_SIZE);
    expect(row).toContain('>Sent</span>');
    expect([...row.matchAll(/<td class="p-2 text-right tabular-nums">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([counts.queued, counts.sent, counts.failed]);
    expect(html).toMatch(/<form[^>]*action="\/admin\/campaigns\/new"/);
    expect(html).toMatch(/<iframe[^>]*name="campaign-preview"[^>]* sandbox[ >=]/);
    expect(html).toMatch(/<form[^>]*action="\/admin\/campaigns\/preview"[^>]*target="campaign-preview"/);
    // Without JavaScript, a Preview button posts the compose form into the frame.
    expect(html).toMatch(/<button[^>]*formaction="\/admin\/campaigns\/preview"[^>]*formtarget="campaign-preview"/);
    expect((await renderPage('http://localhost/admin/campaigns', shop.caller(CUSTOMER))).status).toBe(403);
    const signedOut = await shop.fetch('/admin/campaigns');
    expect(signedOut.status).toBe(302);
    // The other admin pages link here.
    expect((await renderPage('http://localhost/admin/jobs', shop.caller(ADMIN))).body).toContain('href="/admin/campaigns"');
  });

  it('the live preview: the posted fields framed as a subscriber gets them, under the strict email policy', async () => {
    const preview = (fields: Record<string, string>, cookie?: string) => shop.fetch('/admin/campaigns/preview', form(fields, cookie));
    const res = await preview({ subject: 'Draft', html: '<p>Fresh <em>mugs</em></p>', text: '' }, adminCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EMAIL_POLICY);
    const html = await res.text();
    expect(html).toStartWith('<!doctype html>');
    expect(html).toContain('<p>Fresh <em>mugs</em></p>');
    expect(html).toContain(`${shop.config.publicUrl}/unsubscribe?token=preview`);
    expect(await (await preview({ subject: '', html: '', text: '' }, adminCookie)).text()).toContain('The body of the email shows here as you write its HTML.');
    expect((await preview({ subject: 'x', html: '<p>x</p>', text: 'x' })).status).toBe(401);
    const customer = await shop.register();
    expect((await preview({ subject: 'x', html: '<p>x</p>', text: 'x' }, customer.cookie)).status).toBe(403);
  });

  it('compose and send as plain posts: a draft, a send refused until confirmed, then sending', async () => {
    const invalid = await shop.fetch('/admin/campaigns/new', form({ subject: '', html: '<p>Kept</p>', text: 'Kept' }, adminCookie));
    expect(invalid.status).toBe(400);
    const again = await invalid.text();
    expect(again).toMatch(/name="subject"[^>]*aria-invalid="true"/);
    expect(again).toContain('>&lt;p>Kept&lt;/p></textarea>');

    const created = await shop.fetch('/admin/campaigns/new', form({ subject: 'Plain post sale', html: '<p>Hello</p>', text: 'Hello' }, adminCookie));
    expect(created.status).toBe(303);
    const location = created.headers.get('location')!;
    const id = Number(/^\/admin\/campaigns\/(\d+)\?saved=created$/.exec(location)![1]);

    const draft = await shop.fetch(location, { headers: { cookie: adminCookie } });
    expect(draft.status).toBe(200);
    const draftHtml = await draft.text();
    expect(draftHtml).toContain('The campaign is saved as a draft.');
    expect(draftHtml).toMatch(/<form[^>]*action="\/admin\/campaigns\/send"/);
    expect(draftHtml).toMatch(/name="confirmSend"/);
    expect(draftHtml).toContain(`src="/admin/campaigns/${id}/html"`);
    const frame = await shop.fetch(`/admin/campaigns/${id}/html`, { headers: { cookie: adminCookie } });
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toBe(EMAIL_POLICY);
    expect(await frame.text()).toContain('<p>Hello</p>');
    expect((await shop.fetch(`/admin/campaigns/${id}/html`)).status).toBe(401);
    expect((await shop.fetch('/admin/campaigns/999999/html', { headers: { cookie: adminCookie } })).status).toBe(404);

    const unconfirmed = await shop.fetch('/admin/campaigns/send', form({ id: String(id) }, adminCookie));
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Tick the box to confirm');
    expect((await admin().get({ id })).status).toBe('draft');

    const sent = await shop.fetch('/admin/campaigns/send', form({ id: String(id), confirmSend: 'on' }, adminCookie));
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/admin/campaigns/${id}?saved=sending`);
    expect((await admin().get({ id })).status).toBe('sending');
    await shop.jobs.runDue();
    const after = await renderPage(`http://localhost/admin/campaigns/${id}`, shop.caller(ADMIN));
    const expected = await audience();
    expect(after.body).toMatch(new RegExp(`<dt class="font-semibold">Queued</dt><dd[^>]*>${expected}</dd><dt class="font-semibold">Delivered</dt><dd[^>]*>${expected}</dd><dt class="font-semibold">Failed</dt><dd[^>]*>0</dd>`));
    expect(after.body).not.toContain('action="/admin/campaigns/send"');
    expect((await renderPage('http://localhost/admin/campaigns/999999', shop.caller(ADMIN))).status).toBe(404);
  });
});

// Last: it moves the clock 60 days on.
describe('an expired unsubscribe link', () => {
  it('gets a clear message and changes nothing; a fresh link still works', async () => {
    const token = tokenOf((await mailWithSubject('Winter sale')).find((m) => m.to === 'fan-in-20@example.com')!);
    shop.clock.advance(UNSUBSCRIBE_TTL_MS - 1000);
    expect(await shop.caller().email.unsubscribeLink({ token })).toMatchObject({ status: 'valid' });
    shop.clock.advance(1000);
    expect(await shop.caller().email.unsubscribeLink({ token })).toMatchObject({ status: 'expired' });
    const page = await shop.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('This unsubscribe link has expired.');
    const oneClick = await shop.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, form({ 'List-Unsubscribe': 'One-Click' }, undefined, 'https://mail.provider.example'));
    expect(oneClick.status).toBe(400);
    expect(await oneClick.text()).toContain('This unsubscribe link has expired.');
    await expect(shop.caller().email.unsubscribe({ token })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'UNSUBSCRIBE_LINK_EXPIRED' } });
    expect(await optedIn('fan-in-20@example.com')).toBe(true);

    const user = await shop.db.selectFrom('users').select('id').where('email', '=', 'fan-in-20@example.com').executeTakeFirstOrThrow();
    const fresh = await unsubscribeToken(shop.config.secret, user.id, shop.clock.now());
    await shop.caller().email.unsubscribe({ token: fresh });
    expect(await optedIn('fan-in-20@example.com')).toBe(false);
  });
});
