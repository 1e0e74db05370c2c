// /admin/coupons: every coupon with how often it was used, a form to create one,
// and a button to switch each on or off.
import { Title } from '@solidjs/meta';
import { createResource, For, Show } from 'solid-js';
import { useApi } from '../../api.ts';
import { ActionForm, SelectField, SubmitButton } from '../../components/action-form.tsx';
import { formatMoney } from '../../format.ts';
import { createCoupon, setCouponActive } from '../../forms/admin-order-forms.ts';
import { known } from '../../known.ts';
import { useQueryParams } from '../../query-params.ts';
import { formatDate } from '../order.tsx';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { Checkbox, TextField } from './admin-fields.tsx';
import { AdminNav } from './orders.tsx';

const SAVED: Record<string, string> = {
  created: 'The coupon is created.',
  activated: 'The coupon is active again.',
  deactivated: 'The coupon is switched off: shoppers can no longer use it.',
};

interface CouponRow {
  id: number;
  code: string;
  description: string;
  kind: 'percent' | 'fixed';
  percent: number | null;
  amountCents: number | null;
  minSubtotalCents: number;
  startsAt: number | null;
  endsAt: number | null;
  maxRedemptions: number | null;
  maxPerCustomer: number | null;
  redemptionCount: number;
  active: boolean;
}

const discountOf = (c: CouponRow) => (c.kind === 'percent' ? `${c.percent}% off` : `${formatMoney(c.amountCents ?? 0)} off`);

function windowOf(c: CouponRow): string {
  if (c.startsAt === null && c.endsAt === null) return 'Always';
  if (c.startsAt === null) return `Until ${formatDate(c.endsAt!)}`;
  if (c.endsAt === null) return `From ${formatDate(c.startsAt)}`;
  return `${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}`;
}

export function AdminCouponsPage() {
  const api = useApi();
  const query = useQueryParams<{ saved?: string }>();
  const [list] = createResource(() => asAdmin(api.admin.coupon.list()));
  return (
    <AdminGate result={list()}>
      {(coupons) => (
        <>
          <Title>Coupons — GoMall admin</Title>
          <AdminNav current="coupons" />
          <h1 class="text-2xl font-bold mt-0 mb-4">Coupons</h1>
          <Show when={known(SAVED, query.saved)}>
            {(message) => (
              <p role="status" class="mb-4 p-3 rounded border border-green-300 bg-green-50 text-green-800 text-sm">
                {message()}
              </p>
            )}
          </Show>
          <div class="overflow-x-auto mb-8">
            <table class="w-full text-sm bg-white border border-gray-200 rounded">
              <thead class="bg-gray-100 text-left">
                <tr>
                  <th scope="col" class="p-2">Code</th>
                  <th scope="col" class="p-2">Discount</th>
                  <th scope="col" class="p-2">Minimum</th>
                  <th scope="col" class="p-2">Valid</th>
                  <th scope="col" class="p-2 text-right">Used</th>
                  <th scope="col" class="p-2">Status</th>
                  <th scope="col" class="p-2">
                    <span class="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={coupons() as CouponRow[]} fallback={<tr><td colspan="7" class="p-4 text-center text-gray-600">No coupons yet.</td></tr>}>
                  {(c) => (
                    <tr class="admin-coupon-row border-t border-gray-200 align-top">
                      <td class="p-2">
                        <strong class="font-mono">{c.code}</strong>
                        <Show when={c.description}>
                          <span class="block text-xs text-gray-600">{c.description}</span>
                        </Show>
                      </td>
                      <td class="p-2 whitespace-nowrap">{discountOf(c)}</td>
                      <td class="p-2 whitespace-nowrap">{c.minSubtotalCents ? formatMoney(c.minSubtotalCents) : '—'}</td>
                      <td class="p-2">{windowOf(c)}</td>
                      <td class="p-2 text-right whitespace-nowrap">
                        <span class="redemptions">
                          {c.redemptionCount}
                          {c.maxRedemptions !== null ? ` / ${c.maxRedemptions}` : ''}
                        </span>
                        <Show when={c.maxPerCustomer !== null}>
                          <span class="block text-xs text-gray-600">max {c.maxPerCustomer} each</span>
                        </Show>
                      </td>
                      <td class="p-2">{c.active ? <span class="text-green-800 font-medium">Active</span> : <span class="text-gray-600">Off</span>}</td>
                      <td class="p-2">
                        <ActionForm action={setCouponActive} instance={`coupon-${c.id}`} aria-label={`${c.active ? 'Deactivate' : 'Activate'} ${c.code}`}>
                          <input type="hidden" name="id" value={c.id} />
                          <input type="hidden" name="active" value={c.active ? '0' : '1'} />
                          <button type="submit" class="px-2 py-1 rounded border border-gray-300 bg-white text-xs hover:bg-gray-100 whitespace-nowrap">
                            {c.active ? 'Deactivate' : 'Activate'}
                            <span class="sr-only"> {c.code}</span>
                          </button>
                        </ActionForm>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <section aria-labelledby="new-coupon-heading" class="bg-white border border-gray-200 rounded-lg p-4 sm:p-5 max-w-3xl">
            <h2 id="new-coupon-heading" class="text-lg font-semibold mt-0 mb-4">
              New coupon
            </h2>
            <ActionForm action={createCoupon} aria-label="New coupon" class="grid gap-4 sm:grid-cols-2">
              <TextField name="code" label="Code" required maxLength={32} placeholder="WELCOME10" />
              <SelectField
                name="kind"
                label="Kind"
                options={[
                  { value: 'percent', label: 'Percent off' },
                  { value: 'fixed', label: 'Fixed amount off' },
                ]}
              />
              <TextField name="percent" label="Percent (for percent off)" inputMode="numeric" />
              <TextField name="amount" label="Amount in $ (for fixed amount off)" inputMode="decimal" />
              <TextField name="minSubtotal" label="Minimum subtotal in $ (optional)" inputMode="decimal" />
              <TextField name="description" label="Description shown to shoppers" maxLength={200} />
              <TextField name="startsAt" label="Starts (YYYY-MM-DD, UTC, optional)" placeholder="2026-12-01" />
              <TextField name="endsAt" label="Ends (YYYY-MM-DD, UTC, optional)" placeholder="2026-12-31" />
              <TextField name="maxRedemptions" label="Uses in total (optional)" inputMode="numeric" />
              <TextField name="maxPerCustomer" label="Uses per customer (optional)" inputMode="numeric" />
              <div class="sm:col-span-2 flex flex-wrap items-center gap-4">
                <Checkbox name="active" label="Active" checked={true} />
                <SubmitButton label="Create coupon" busyLabel="Creating…" />
              </div>
            </ActionForm>
          </section>
        </>
      )}
    </AdminGate>
  );
}
