// /dev/mailbox (development and test mode only; a 404 in production): the emails
// the shop "sent" through the mailbox transport, newest first, and
// /dev/mailbox/:id, one message: its rendered HTML in a sandboxed frame (served by
// /dev/mailbox/:id/html under its own strict CSP) and its plain-text part. The
// list and the message view are shared with /admin/mailbox.
import { PageMeta } from '../components/page-meta.tsx';
import { useParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { MAX_PAGE } from '../../routers/shared/paging.ts';
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { orNotFound, useApi, type Api, type ApiOutput } from '../api.ts';
import { Pagination } from '../components/pagination.tsx';
import { countOf, formatTime } from '../format.ts';
import { useQueryParams } from '../query-params.ts';
import { NotFoundPage } from './not-found.tsx';

export type MailboxPage = ApiOutput<Api['email']['mailbox']>;
export type MailboxMessage = ApiOutput<Api['email']['message']>;

/** The page number asked for in the address, 1 when it is not one. */
export function usePageParam() {
  const params = useQueryParams<{ page?: string }>();
  return createMemo(() => {
    const page = wholeNumber(params.page);
    return page >= 1 && page <= MAX_PAGE ? page : 1;
  });
}

/** The messages of one page, each linking to `${base}/<id>`. */
export function MailboxList(props: { base: string; list: MailboxPage }) {
  return (
    <>
      <p class="text-sm text-gray-600">{countOf(props.list.total, 'message')}</p>
      <div class="overflow-x-auto">
        <table class="w-full text-sm bg-white border border-gray-200 rounded">
          <thead class="bg-gray-100 text-left">
            <tr>
              <th scope="col" class="p-2">To</th>
              <th scope="col" class="p-2">Subject</th>
              <th scope="col" class="p-2">Sent</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.list.items} fallback={<tr><td colspan="3" class="p-4 text-center text-gray-600">No messages yet.</td></tr>}>
              {(m) => (
                <tr class="mailbox-row border-t border-gray-200">
                  <td class="p-2 break-all">{m.to}</td>
                  <td class="p-2">
                    <a href={`${props.base}/${m.id}`} class="underline">
                      {m.subject}
                    </a>
                  </td>
                  <td class="p-2 whitespace-nowrap">{formatTime(m.sentAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Pagination page={props.list.page} pageSize={props.list.pageSize} total={props.list.total} href={(page) => `${props.base}?page=${page}`} />
    </>
  );
}

/** One message: who it went to, its HTML in a frame that can run nothing, and its plain text. */
export function MessageView(props: { base: string; message: MailboxMessage }) {
  const m = () => props.message;
  const headers = () => Object.entries(m().headers);
  return (
    <>
      <p class="text-sm m-0 mb-2">
        <a href={props.base} class="underline">
          ← All messages
        </a>
      </p>
      <h1 class="text-2xl font-bold mt-0 mb-3 break-words">{m().subject}</h1>
      <dl class="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm m-0 mb-4">
        <dt class="font-semibold">From</dt>
        <dd class="m-0 break-all">{m().from}</dd>
        <dt class="font-semibold">To</dt>
        <dd class="m-0 break-all">{m().to}</dd>
        <dt class="font-semibold">Sent</dt>
        <dd class="m-0">{formatTime(m().sentAt)}</dd>
        <For each={headers()}>
          {([name, value]) => (
            <>
              <dt class="font-semibold">{name}</dt>
              <dd class="m-0 break-all">{value}</dd>
            </>
          )}
        </For>
      </dl>
      <section aria-labelledby="html-heading" class="mb-6">
        <h2 id="html-heading" class="text-lg font-semibold mt-0 mb-2">
          HTML
        </h2>
        {/* Served with its own CSP (no scripts, no requests but images); sandboxed as well. */}
        <iframe
          src={`${props.base}/${m().id}/html`}
          sandbox=""
          referrerpolicy="no-referrer"
          title={`The email: ${m().subject}`}
          class="message-html block w-full h-[40rem] border border-gray-200 rounded bg-white"
        />
      </section>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" class="text-lg font-semibold mt-0 mb-2">
          Plain text
        </h2>
        <pre class="message-text whitespace-pre-wrap break-words bg-white border border-gray-200 rounded p-4 text-sm m-0">{m().text}</pre>
      </section>
    </>
  );
}

const DEV_NOTE = 'Development mailbox: what the shop sent while MAIL_TRANSPORT is mailbox. It does not exist in production.';

export function DevMailboxPage() {
  const api = useApi();
  const page = usePageParam();
  const [result] = createResource(page, async (p) => ({ list: await orNotFound(api.email.mailbox({ page: p })) }));
  return (
    <Show when={result()}>
      {(found) => (
        <Show when={found().list} fallback={<NotFoundPage />}>
          {(list) => (
            <>
              <PageMeta title="Mailbox — GoMall" noindex />
              <h1 class="text-2xl font-bold mt-0 mb-2">Mailbox</h1>
              <p class="text-sm text-gray-600 mt-0 mb-4">{DEV_NOTE}</p>
              <MailboxList base="/dev/mailbox" list={list()} />
            </>
          )}
        </Show>
      )}
    </Show>
  );
}

export function DevMessagePage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const [result] = createResource(
    () => params.id,
    async (id) => ({ message: await orNotFound(api.email.message({ id: wholeNumber(id) })) }),
  );
  return (
    <Show when={result()}>
      {(found) => (
        <Show when={found().message} fallback={<NotFoundPage message="There is no such message." />}>
          {(message) => (
            <>
              <PageMeta title={`${message().subject} — Mailbox — GoMall`} noindex />
              <MessageView base="/dev/mailbox" message={message()} />
            </>
          )}
        </Show>
      )}
    </Show>
  );
}
