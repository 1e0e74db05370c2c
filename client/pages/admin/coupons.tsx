// /admin/coupons: every coupon with how often it was used, a form to create one,
// and a button to switch each on or off.
import { Title } from '@solidjs/meta';
import { createResource, Show } from 'solid-js';
import { useApi, type Api, type ApiOutput } from '../../api.ts';
import { ActionForm, SubmitButton } from '../../components/action-form.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { SavedNotice } from '../../components/saved-notice.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { createCoupon, setCouponActive } from '../../forms/admin-order-forms.ts';
import { useQueryParams } from '../../query-params.ts';
import { AdminGate, asAdmin } from './admin-access.tsx';
import { Checkbox, TextField } from './admin-fields.tsx';
import { AdminTable } from './admin-list.tsx';

const SAVED: Record<string, string> = {
  created: 'The coupon is created.',
  activated: 'The coupon is active again.',
  deactivated: 'The coupon is switched off: shoppers can no longer use it.',
};

type CouponRow = ApiOutput<Api['admin']['coupon']['list']>[number];

const discountOf = (c: CouponRow) => (c.kind === 'percent' ? `${c.percent}% off` : `${formatMoney(c.amountCents ?? 0)} off`);

function windowOf({ startsAt, endsAt }: CouponRow): string {
  if (startsAt === null) return endsAt === null ? 'Always' : `Until ${formatDate(endsAt)}`;
  return endsAt === null ? `From ${formatDate(startsAt)}` : `${formatDate(startsAt)} – ${formatDate(endsAt)}`;
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
          <h1 class="text-2xl font-bold mt-0 mb-4">Coupons</h1>
          <SavedNotice messages={SAVED} saved={query.saved} />
          <AdminTable
            columns={['Code', 'Discount', 'Minimum', 'Valid', { label: 'Used', numeric: true }, 'Status', { label: 'Action', hidden: true }]}
            rows={coupons()}
            empty="No coupons yet."
            class="mb-8"
          >
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
          </AdminTable>
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
