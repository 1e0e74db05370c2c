// /admin/jobs: the background jobs, failed ones first (an email the provider
// refused, an expiry that threw), each with its last error and a Retry button that
// puts it back in the queue now; the other statuses a click away.
import { Title } from '@solidjs/meta';
import { createMemo, createResource, For, Show } from 'solid-js';
import { useApi } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { countOf, formatTime } from '../../format.ts';
import { adminJobsPage, retryJob } from '../../forms/admin-job-forms.ts';
import { known } from '../../known.ts';
import { useQueryParams } from '../../query-params.ts';
import { usePageParam } from '../mailbox.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';

type JobStatus = 'failed' | 'pending' | 'running' | 'done' | 'cancelled';

const TABS: { status: JobStatus | 'all'; label: string }[] = [
  { status: 'failed', label: 'Failed' },
  { status: 'pending', label: 'Pending' },
  { status: 'running', label: 'Running' },
  { status: 'done', label: 'Done' },
  { status: 'cancelled', label: 'Cancelled' },
  { status: 'all', label: 'All' },
];

const SAVED: Record<string, string> = { retried: 'The job is back in the queue and runs in a moment.' };

const STATUS_STYLES: Record<JobStatus, string> = {
  failed: 'bg-red-100 text-red-900 border-red-300',
  pending: 'bg-amber-100 text-amber-900 border-amber-300',
  running: 'bg-blue-100 text-blue-900 border-blue-300',
  done: 'bg-green-100 text-green-900 border-green-300',
  cancelled: 'bg-gray-100 text-gray-700 border-gray-300',
};

export function AdminJobsPage() {
  const api = useApi();
  const query = useQueryParams<{ status?: string; saved?: string }>();
  const page = usePageParam();
  // Failed jobs are what an admin comes here for: they are the default.
  const tab = createMemo(() => TABS.find((t) => t.status === query.status)?.status ?? 'failed');
  const [list] = createResource(
    () => ({ tab: tab(), page: page() }),
    ({ tab, page }) => asAdmin(api.admin.job.list({ status: tab === 'all' ? undefined : tab, page })),
  );
  return (
    <AdminGate result={list()}>
      {(jobs) => (
        <>
          <Title>Jobs — GoMall admin</Title>
          <h1 class="text-2xl font-bold mt-0 mb-4">Background jobs</h1>
          <Show when={known(SAVED, query.saved)}>
            {(message) => (
              <p role="status" class="mb-4 p-3 rounded border border-green-300 bg-green-50 text-green-800 text-sm">
                {message()}
              </p>
            )}
          </Show>
          <nav aria-label="Job status" class="mb-4">
            <ul class="flex flex-wrap gap-2 list-none m-0 p-0 text-sm">
              <For each={TABS}>
                {(t) => (
                  <li>
                    <a
                      href={adminJobsPage(t.status)}
                      aria-current={tab() === t.status ? 'page' : undefined}
                      class={`block px-3 py-1 rounded border no-underline ${tab() === t.status ? 'bg-gray-900 text-white border-gray-900' : 'border-gray-300 text-gray-800 hover:bg-gray-100'}`}
                    >
                      {t.label}
                      {t.status === 'all' ? '' : ` (${jobs().counts[t.status]})`}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </nav>
          <p class="text-sm text-gray-600">{countOf(jobs().total, 'job')}</p>
          <div class="overflow-x-auto">
            <table class="w-full text-sm bg-white border border-gray-200 rounded">
              <thead class="bg-gray-100 text-left">
                <tr>
                  <th scope="col" class="p-2">Job</th>
                  <th scope="col" class="p-2">About</th>
                  <th scope="col" class="p-2">Status</th>
                  <th scope="col" class="p-2 text-right">Attempts</th>
                  <th scope="col" class="p-2">Last change</th>
                  <th scope="col" class="p-2">Last error</th>
                  <th scope="col" class="p-2">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={jobs().items} fallback={<tr><td colspan="7" class="p-4 text-center text-gray-600">No jobs here.</td></tr>}>
                  {(job) => (
                    <tr class="admin-job-row border-t border-gray-200 align-top">
                      <td class="p-2 whitespace-nowrap">
                        #{job.id} <span class="font-mono text-xs">{job.name}</span>
                      </td>
                      <td class="p-2 break-words">{job.summary}</td>
                      <td class="p-2">
                        <span class={`job-status inline-block text-xs font-semibold px-2 py-0.5 rounded-full border ${STATUS_STYLES[job.status]}`}>{job.status}</span>
                        <Show when={job.status === 'pending'}>
                          <br />
                          <span class="text-xs text-gray-600">due {formatTime(job.runAt)}</span>
                        </Show>
                      </td>
                      <td class="p-2 text-right tabular-nums">{job.attempts}</td>
                      <td class="p-2 whitespace-nowrap">{formatTime(job.updatedAt)}</td>
                      <td class="p-2 break-words text-red-800">{job.lastError ?? ''}</td>
                      <td class="p-2">
                        <Show when={job.status === 'failed'}>
                          <ActionForm action={retryJob} instance={String(job.id)} aria-label={`Retry job #${job.id}`}>
                            <input type="hidden" name="id" value={job.id} />
                            <input type="hidden" name="status" value={tab()} />
                            <SubmitButton label="Retry" busyLabel="Retrying…" variant="compact" />
                          </ActionForm>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Pagination page={jobs().page} pageSize={jobs().pageSize} total={jobs().total} href={(p) => `${adminJobsPage(tab())}&page=${p}`} />
        </>
      )}
    </AdminGate>
  );
}
