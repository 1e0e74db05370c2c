// /admin/mailbox and /admin/mailbox/:id: the messages the mailbox transport
// stored, for administrators (the same views as /dev/mailbox, in every mode).
import { Title } from '@solidjs/meta';
import { useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { wholeNumber } from '../../../routers/shared/form-numbers.ts';
import { orNotFound, useApi } from '../../api.ts';
import { MailboxList, MessageView, usePageParam } from '../mailbox.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';

export function AdminMailboxPage() {
  const api = useApi();
  const page = usePageParam();
  const [list] = createResource(page, (p) => asAdmin(api.admin.mailbox.list({ page: p })));
  return (
    <AdminGate result={list()}>
      {(list) => (
        <>
          <Title>Mailbox — GoMall admin</Title>
          <h1 class="text-2xl font-bold mt-0 mb-2">Mailbox</h1>
          <p class="text-sm text-gray-600 mt-0 mb-4">Email the shop sent while MAIL_TRANSPORT is mailbox (stored here instead of delivered).</p>
          <MailboxList base="/admin/mailbox" list={list()} />
        </>
      )}
    </AdminGate>
  );
}

export function AdminMessagePage() {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const [result] = createResource(
    () => params.id,
    (id) => asAdmin(orNotFound(api.admin.mailbox.get({ id: wholeNumber(id) })).then((message) => ({ message }))),
  );
  return (
    <AdminGate result={result()}>
      {(found) => (
        <Show when={found().message} fallback={<NotFoundPage message="There is no such message." />}>
          {(message) => (
            <>
              <Title>{`${message().subject} — Mailbox — GoMall admin`}</Title>
              <MessageView base="/admin/mailbox" message={message()} />
            </>
          )}
        </Show>
      )}
    </AdminGate>
  );
}
