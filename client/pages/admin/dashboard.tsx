// /admin: the console's first page. Today's and this week's orders, revenue and
// carts → orders conversion; orders waiting for payment with their deadlines;
// low-stock products; failed jobs with a Retry button; the server's recent errors
// by request id. One query (admin.dashboard.get), rendered on the server.
import { Title } from '@solidjs/meta';
import { createResource, Show } from 'solid-js';
import { useApi } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { countOf, formatMoney, formatTime } from '../../format.ts';
import { retryJob } from '../../forms/admin-job-forms.ts';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { AdminTable } from './admin-list.tsx';

type Period = { orders: number; paidOrders: number; revenueCents: number; conversion: number | null; openCarts: number | null };

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

function Figures(props: { title: string; period: Period; currency: string; id: string }) {
  return (
    <section aria-labelledby={props.id} class="bg-white border border-gray-200 rounded p-4">
      <h2 id={props.id} class="text-lg font-semibold mt-0 mb-3">
        {props.title}
      </h2>
      <dl class="grid grid-cols-3 gap-3 m-0">
        <div>
          <dt class="text-sm text-gray-600">Orders</dt>
          <dd class="dashboard-orders m-0 text-2xl font-bold tabular-nums">{props.period.orders}</dd>
        </div>
        <div>
          <dt class="text-sm text-gray-600">Revenue</dt>
          <dd class="dashboard-revenue m-0 text-2xl font-bold tabular-nums">{formatMoney(props.period.revenueCents, props.currency)}</dd>
          <dd class="m-0 text-xs text-gray-600">{countOf(props.period.paidOrders, 'paid order')}</dd>
        </div>
        <div>
          <dt class="text-sm text-gray-600">Conversion</dt>
          <dd class="dashboard-conversion m-0 text-2xl font-bold tabular-nums">{props.period.conversion === null ? 'n/a' : percent(props.period.conversion)}</dd>
          <dd class="m-0 text-xs text-gray-600">
            {props.period.openCarts === null ? 'carts are not counted here' : `carts → orders; ${countOf(props.period.openCarts, 'cart')} still open`}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Heading(props: { id: string; children: string; more?: { href: string; label: string } }) {
  return (
    <div class="flex items-baseline gap-3 mt-8 mb-2">
      <h2 id={props.id} class="text-lg font-semibold m-0">
        {props.children}
      </h2>
      <Show when={props.more}>
        {(more) => (
          <a href={more().href} class="text-sm underline">
            {more().label}
          </a>
        )}
      </Show>
    </div>
  );
}

export function AdminDashboardPage() {
  const api = useApi();
  const [data] = createResource(() => asAdmin(api.admin.dashboard.get()));
  return (
    <AdminGate result={data()}>
      {(d) => (
        <>
          <Title>Dashboard — GoMall admin</Title>
          <h1 class="text-2xl font-bold mt-0 mb-1">Dashboard</h1>
          <p class="text-sm text-gray-600 mt-0 mb-4">As of {formatTime(d().now)}. Days and weeks (from Monday) in UTC.</p>
          <div class="grid gap-4 md:grid-cols-2">
            <Figures title="Today" id="dashboard-today" period={d().today} currency={d().currency} />
            <Figures title="This week" id="dashboard-week" period={d().week} currency={d().currency} />
          </div>

          <section aria-labelledby="dashboard-awaiting">
            <Heading id="dashboard-awaiting" more={{ href: '/admin/orders?status=pending_payment', label: 'All unpaid orders' }}>
              {`Waiting for payment (${d().awaitingPayment.total})`}
            </Heading>
            <AdminTable
              class="dashboard-awaiting"
              columns={['Order', 'Customer', { label: 'Total', numeric: true }, 'Placed', 'Pay by']}
              rows={d().awaitingPayment.items}
              empty="No order is waiting for payment."
            >
              {(o) => (
                <tr class="border-t border-gray-200">
                  <td class="p-2">
                    <a href={`/admin/orders/${o.id}`} class="underline">
                      #{o.id}
                    </a>
                  </td>
                  <td class="p-2 break-all">{o.email}</td>
                  <td class="p-2 text-right tabular-nums whitespace-nowrap">{formatMoney(o.totalCents, o.currency)}</td>
                  <td class="p-2 whitespace-nowrap">{formatTime(o.createdAt)}</td>
                  <td class="p-2 whitespace-nowrap">{formatTime(o.expiresAt)}</td>
                </tr>
              )}
            </AdminTable>
          </section>

          <section aria-labelledby="dashboard-low-stock">
            <Heading id="dashboard-low-stock" more={{ href: '/admin/products?lowStock=1', label: 'All low-stock products' }}>
              {`Low stock (${d().lowStock.total} at ${d().lowStock.threshold} or fewer)`}
            </Heading>
            <AdminTable class="dashboard-low-stock" columns={['Product', { label: 'In stock', numeric: true }]} rows={d().lowStock.items} empty="Every product is well stocked.">
              {(p) => (
                <tr class="border-t border-gray-200">
                  <td class="p-2">
                    <a href={`/admin/products/${p.id}`} class="underline">
                      {p.name}
                    </a>
                  </td>
                  <td class={`p-2 text-right tabular-nums ${p.stock === 0 ? 'text-red-800 font-semibold' : ''}`}>{p.stock === 0 ? 'Sold out' : p.stock}</td>
                </tr>
              )}
            </AdminTable>
          </section>

          <section aria-labelledby="dashboard-failed-jobs">
            <Heading id="dashboard-failed-jobs" more={{ href: '/admin/jobs?status=failed', label: 'All failed jobs' }}>
              {`Failed jobs (${d().failedJobs.total})`}
            </Heading>
            <AdminTable
              class="dashboard-failed-jobs"
              columns={['Job', 'About', 'Failed', 'Last error', { label: 'Actions', hidden: true }]}
              rows={d().failedJobs.items}
              empty="No job has failed."
            >
              {(job) => (
                <tr class="border-t border-gray-200 align-top">
                  <td class="p-2 whitespace-nowrap">
                    #{job.id} <span class="font-mono text-xs">{job.name}</span>
                  </td>
                  <td class="p-2 break-words">{job.summary}</td>
                  <td class="p-2 whitespace-nowrap">{formatTime(job.updatedAt)}</td>
                  <td class="p-2 break-words text-red-800">{job.lastError ?? ''}</td>
                  <td class="p-2">
                    <ActionForm action={retryJob} instance={`dashboard-${job.id}`} aria-label={`Retry job #${job.id}`}>
                      <input type="hidden" name="id" value={job.id} />
                      <input type="hidden" name="status" value="failed" />
                      <SubmitButton label="Retry" busyLabel="Retrying…" variant="compact" />
                    </ActionForm>
                  </td>
                </tr>
              )}
            </AdminTable>
          </section>

          <section aria-labelledby="dashboard-errors">
            <Heading id="dashboard-errors">Recent errors</Heading>
            <Show when={d().recentErrors} fallback={<p class="text-sm text-gray-600">This server does not keep its errors; see the log.</p>}>
              {(errors) => (
                <AdminTable class="dashboard-errors" columns={['When', 'Request', 'Error']} rows={errors()} empty="No errors since the server started.">
                  {(e) => (
                    <tr class="border-t border-gray-200 align-top">
                      <td class="p-2 whitespace-nowrap">{formatTime(e.at)}</td>
                      <td class="p-2 font-mono text-xs whitespace-nowrap">{e.requestId ?? '(background)'}</td>
                      <td class="p-2 break-words">{e.message}</td>
                    </tr>
                  )}
                </AdminTable>
              )}
            </Show>
          </section>
        </>
      )}
    </AdminGate>
  );
}
