// /admin/campaigns: the marketing campaigns with their status and counts (queued,
// sent, failed), and a form to write a new one beside a live preview of the email
// as subscribers get it (the shop's frame, their unsubscribe link), and
// /admin/campaigns/:id: one campaign, its preview and plain text, and the send form
// (a box to tick first: a campaign cannot be called back).
//
// The preview frame shows HTML served by the shop under the strict email policy
// (server/mail/campaign-html.ts): the compose form's fields are posted into it —
// as they are typed with JavaScript, with the Preview button without.
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createResource, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { wholeNumber } from '../../../routers/shared/form-numbers.ts';
import { orNotFound, useApi, type Api, type ApiOutput } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { SavedNotice } from '../../components/saved-notice.tsx';
import { countOf, formatTime } from '../../format.ts';
import { adminCampaignPage, CONFIRM_SEND, createCampaign, sendCampaign } from '../../forms/email-forms.ts';
import { useQueryParams } from '../../query-params.ts';
import { usePageParam } from '../mailbox.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { Checkbox, TextAreaField, TextField } from './admin-fields.tsx';
import { AdminTable } from './admin-list.tsx';

type CampaignRow = ApiOutput<Api['admin']['campaign']['list']>['items'][number];
type Status = CampaignRow['status'];

const STATUS_LABELS: Record<Status, string> = { draft: 'Draft', sending: 'Sending', sent: 'Sent' };
const STATUS_STYLES: Record<Status, string> = {
  draft: 'bg-gray-100 text-gray-800 border-gray-300',
  sending: 'bg-amber-100 text-amber-900 border-amber-300',
  sent: 'bg-green-100 text-green-900 border-green-300',
};

const SAVED: Record<string, string> = {
  created: 'The campaign is saved as a draft. Check the preview, then send it.',
  sending: 'The campaign is being sent: its emails are queued in batches and go out in the background.',
};

const MAX_BODY = 100_000;
const PREVIEW_FRAME = 'campaign-preview';

function CampaignStatus(props: { status: Status }) {
  return (
    <span class={`campaign-status inline-block text-xs font-semibold px-2 py-0.5 rounded-full border ${STATUS_STYLES[props.status]}`}>
      {STATUS_LABELS[props.status]}
    </span>
  );
}

export function AdminCampaignsPage() {
  const api = useApi();
  const page = usePageParam();
  const query = useQueryParams<{ saved?: string }>();
  const [list] = createResource(page, (p) => asAdmin(api.admin.campaign.list({ page: p })));
  return (
    <AdminGate result={list()}>
      {(campaigns) => (
        <>
          <Title>Campaigns — GoMall admin</Title>
          <h1 class="text-2xl font-bold mt-0 mb-2">Campaigns</h1>
          <p class="text-sm text-gray-600 mt-0 mb-4">
            Marketing email goes to shoppers who opted in: {countOf(campaigns().audience, 'shopper')} now. Every email carries a one-click unsubscribe link.
          </p>
          <SavedNotice messages={SAVED} saved={query.saved} />
          <AdminTable
            columns={['Campaign', 'Status', 'Sent', { label: 'Queued', numeric: true }, { label: 'Delivered', numeric: true }, { label: 'Failed', numeric: true }]}
            rows={campaigns().items}
            empty="No campaigns yet."
          >
            {(c) => (
              <tr class="admin-campaign-row border-t border-gray-200 align-top">
                <td class="p-2">
                  <a href={adminCampaignPage(c.id)} class="underline break-words">
                    {c.subject}
                  </a>
                  <span class="block text-xs text-gray-600">Written {formatTime(c.createdAt)}</span>
                </td>
                <td class="p-2">
                  <CampaignStatus status={c.status} />
                </td>
                <td class="p-2 whitespace-nowrap">{c.sentAt === null ? '—' : formatTime(c.sentAt)}</td>
                <td class="p-2 text-right tabular-nums">{c.counts.queued}</td>
                <td class="p-2 text-right tabular-nums">{c.counts.sent}</td>
                <td class="p-2 text-right tabular-nums">{c.counts.failed}</td>
              </tr>
            )}
          </AdminTable>
          <Pagination page={campaigns().page} pageSize={campaigns().pageSize} total={campaigns().total} href={(p) => `/admin/campaigns?page=${p}`} />
          <section aria-labelledby="new-campaign-heading" class="mt-8 bg-white border border-gray-200 rounded-lg p-4 sm:p-5">
            <h2 id="new-campaign-heading" class="text-lg font-semibold mt-0 mb-4">
              New campaign
            </h2>
            <Compose />
          </section>
        </>
      )}
    </AdminGate>
  );
}

/** The compose form and its live preview. */
function Compose() {
  let fields: HTMLDivElement | undefined;
  let frames: HTMLDivElement | undefined;
  let preview: HTMLFormElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Without JavaScript a Preview button posts the form into the frame; with it, typing does.
  const [live, setLive] = createSignal(false);

  const refresh = () => {
    const compose = fields?.querySelector('form');
    const frame = frames?.querySelector('iframe');
    if (!compose || !frame || !preview) return;
    const data = new FormData(compose);
    for (const name of ['subject', 'html', 'text']) {
      (preview.elements.namedItem(name) as HTMLInputElement).value = String(data.get(name) ?? '');
    }
    // A new frame each time: the first page a frame loads replaces its blank one, so
    // previews do not pile up in the browser's history (Back leaves the page).
    frame.replaceWith(frame.cloneNode(false));
    preview.submit();
  };
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  };
  onMount(() => {
    setLive(true);
    refresh();
  });
  onCleanup(() => clearTimeout(timer));

  return (
    <div class="grid gap-6 lg:grid-cols-2">
      <div ref={fields} onInput={refreshSoon}>
        <ActionForm action={createCampaign} aria-label="New campaign" class="grid gap-4">
          <TextField name="subject" label="Subject" required maxLength={200} />
          <TextAreaField name="html" label="HTML body (placed inside the shop's email frame)" rows={14} maxLength={MAX_BODY} class="font-mono text-xs" />
          <TextAreaField name="text" label="Plain-text body (for mail apps that show no HTML)" rows={8} maxLength={MAX_BODY} />
          <div class="flex flex-wrap items-center gap-4">
            <SubmitButton label="Save draft" busyLabel="Saving…" />
            <Show when={!live()}>
              <button
                type="submit"
                formaction="/admin/campaigns/preview"
                formtarget={PREVIEW_FRAME}
                class="px-4 py-2 rounded border border-gray-300 bg-white text-sm hover:bg-gray-100"
              >
                Preview
              </button>
            </Show>
          </div>
        </ActionForm>
      </div>
      <section aria-labelledby="preview-heading">
        <h3 id="preview-heading" class="text-base font-semibold mt-0 mb-1">
          Preview
        </h3>
        <p class="text-xs text-gray-600 mt-0 mb-2">As subscribers get it: in the shop's frame, with their own unsubscribe link. It follows what you type.</p>
        <div ref={frames}>
          <PreviewFrame name={PREVIEW_FRAME} title="Preview of the new campaign's email" />
        </div>
        <form ref={preview} method="post" action="/admin/campaigns/preview" target={PREVIEW_FRAME} hidden>
          <input type="hidden" name="subject" />
          <input type="hidden" name="html" />
          <input type="hidden" name="text" />
        </form>
      </section>
    </div>
  );
}

/** A frame that can run nothing, for an email's HTML (served under its own strict policy, sandboxed as well). */
function PreviewFrame(props: { name?: string; src?: string; title: string }) {
  return (
    <iframe
      name={props.name}
      src={props.src}
      sandbox=""
      referrerpolicy="no-referrer"
      title={props.title}
      class="campaign-preview block w-full h-[36rem] border border-gray-200 rounded bg-white"
    />
  );
}

export function AdminCampaignPage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const query = useQueryParams<{ saved?: string }>();
  const [result] = createResource(
    () => params.id,
    (id) => asAdmin(orNotFound(api.admin.campaign.get({ id: wholeNumber(id) })).then((campaign) => ({ campaign }))),
  );
  return (
    <AdminGate result={result()}>
      {(found) => (
        <Show when={found().campaign} fallback={<NotFoundPage message="There is no such campaign." />}>
          {(c) => (
            <>
              <Title>{`${c().subject} — Campaigns — GoMall admin`}</Title>
              <p class="text-sm m-0 mb-2">
                <a href="/admin/campaigns" class="underline">
                  ← All campaigns
                </a>
              </p>
              <div class="flex flex-wrap items-center gap-3 mb-1">
                <h1 class="text-2xl font-bold m-0 break-words">{c().subject}</h1>
                <CampaignStatus status={c().status} />
              </div>
              <p class="text-sm text-gray-600 mt-0 mb-4">
                Written {formatTime(c().createdAt)}
                {c().sentAt !== null ? ` · sent ${formatTime(c().sentAt!)}` : ''}
              </p>
              <SavedNotice messages={SAVED} saved={query.saved} />
              <Show
                when={c().status !== 'draft'}
                fallback={
                  <section aria-labelledby="send-heading" class="mb-6 bg-white border border-gray-200 rounded-lg p-4 sm:p-5 max-w-2xl">
                    <h2 id="send-heading" class="text-lg font-semibold mt-0 mb-2">
                      Send
                    </h2>
                    <p class="text-sm text-gray-700 mt-0 mb-3">
                      It goes to every shopper who has opted in to marketing email when their batch is queued: {countOf(c().audience, 'shopper')} now.
                    </p>
                    <ActionForm action={sendCampaign} aria-label="Send the campaign" class="flex flex-col items-start gap-3">
                      <input type="hidden" name="id" value={c().id} />
                      <Checkbox name={CONFIRM_SEND} label={`Yes, send “${c().subject}” to ${countOf(c().audience, 'opted-in shopper')} now.`} checked={false} />
                      <SubmitButton label="Send campaign" busyLabel="Sending…" />
                    </ActionForm>
                  </section>
                }
              >
                <section aria-labelledby="counts-heading" class="mb-6">
                  <h2 id="counts-heading" class="text-lg font-semibold mt-0 mb-2">
                    Delivery
                  </h2>
                  <dl class="campaign-counts grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm m-0 mb-2 max-w-sm">
                    <dt class="font-semibold">Queued</dt>
                    <dd class="m-0 tabular-nums">{c().counts.queued}</dd>
                    <dt class="font-semibold">Delivered</dt>
                    <dd class="m-0 tabular-nums">{c().counts.sent}</dd>
                    <dt class="font-semibold">Failed</dt>
                    <dd class="m-0 tabular-nums">{c().counts.failed}</dd>
                    <dt class="font-semibold">Waiting</dt>
                    <dd class="m-0 tabular-nums">{Math.max(0, c().counts.queued - c().counts.sent - c().counts.failed)}</dd>
                  </dl>
                  <p class="text-sm m-0">
                    <a href={adminCampaignPage(c().id)} class="underline">
                      Refresh the counts
                    </a>
                    <Show when={c().counts.failed > 0}>
                      {' · '}
                      <a href="/admin/jobs?status=failed" class="underline">
                        See the failed emails in Jobs (each can be retried)
                      </a>
                    </Show>
                  </p>
                </section>
              </Show>
              <section aria-labelledby="html-heading" class="mb-6">
                <h2 id="html-heading" class="text-lg font-semibold mt-0 mb-2">
                  Email
                </h2>
                <PreviewFrame src={`/admin/campaigns/${c().id}/html`} title={`The email: ${c().subject}`} />
              </section>
              <section aria-labelledby="text-heading">
                <h2 id="text-heading" class="text-lg font-semibold mt-0 mb-2">
                  Plain text
                </h2>
                <pre class="campaign-text whitespace-pre-wrap break-words bg-white border border-gray-200 rounded p-4 text-sm m-0">{c().text}</pre>
              </section>
            </>
          )}
        </Show>
      )}
    </AdminGate>
  );
}
