// /account: profile, password and saved shipping addresses (signed-in only; the
// server redirects signed-out visitors to sign in).
import { PageMeta } from '../components/page-meta.tsx';
import { createResource, For, Show } from 'solid-js';
import type { ApiOutput } from '../api.ts';
import { useApi } from '../api.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { CheckboxField, Field, SelectField } from '../components/form-fields.tsx';
import { AddressBlock } from '../components/address-block.tsx';
import { SavedNotice } from '../components/saved-notice.tsx';
import { COUNTRIES } from '../countries.ts';
import * as actions from '../forms/user-forms.ts';
import { useQueryParams } from '../query-params.ts';

type Address = ApiOutput<ReturnType<typeof useApi>['user']['addresses']>[number];

const SAVED: Record<string, string> = {
  profile: 'Your profile is saved.',
  password: 'Your password is changed. Other devices have been signed out.',
  'password-reset': 'Your new password is set and you are signed in. Every other device has been signed out.',
  address: 'Your address is saved.',
  'address-deleted': 'The address is deleted.',
};

const card = 'bg-white border border-gray-200 rounded-lg p-5 mb-6';

export function AccountPage() {
  const api = useApi();
  const search = useQueryParams<{ saved?: string }>();
  const [me] = createResource(() => api.user.me());
  const [addresses] = createResource(() => api.user.addresses());
  return (
    <section class="max-w-2xl mx-auto">
      <PageMeta title="Your account — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-2">Your account</h1>
      <SavedNotice messages={SAVED} saved={search.saved} />
      <Show when={me()}>
        {(user) => (
          <>
            <p class="text-gray-600 mb-6">Signed in as {user().email}</p>
            <section aria-labelledby="profile-heading" class={card}>
              <h2 id="profile-heading" class="text-lg font-semibold mb-4">
                Profile
              </h2>
              <ActionForm action={actions.updateProfile} aria-label="Profile">
                <Field name="name" label="Name" autocomplete="name" value={user().name} />
                <CheckboxField name="marketingOptIn" label="Email me about offers and new products." checked={user().marketingOptIn} />
                <SubmitButton label="Save profile" busyLabel="Saving…" />
              </ActionForm>
            </section>
          </>
        )}
      </Show>
      <section aria-labelledby="password-heading" class={card}>
        <h2 id="password-heading" class="text-lg font-semibold mb-4">
          Change password
        </h2>
        <ActionForm action={actions.changePassword} aria-label="Change password">
          <Field name="currentPassword" label="Current password" type="password" autocomplete="current-password" required />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            autocomplete="new-password"
            required
            hint="At least 8 characters. Other devices will be signed out."
          />
          <SubmitButton label="Change password" busyLabel="Changing…" />
        </ActionForm>
      </section>
      <section aria-labelledby="addresses-heading" class={card}>
        <h2 id="addresses-heading" class="text-lg font-semibold mb-4">
          Shipping addresses
        </h2>
        <ul class="list-none p-0 m-0 mb-4">
          <For each={addresses()} fallback={<li class="text-gray-600 mb-4">No saved addresses yet.</li>}>
            {(address) => <SavedAddress address={address} />}
          </For>
        </ul>
        <details open={addresses()?.length === 0}>
          <summary class="cursor-pointer font-medium mb-3">Add an address</summary>
          <AddressForm instance="new" />
        </details>
      </section>
    </section>
  );
}

function SavedAddress(props: { address: Address }) {
  const a = () => props.address;
  return (
    <li class="border-t border-gray-200 py-3">
      <AddressBlock address={a()} />
      <Show when={a().isDefault}>
        <p class="text-xs font-medium text-green-800 mt-1">Default address</p>
      </Show>
      <div class="flex flex-wrap gap-4 mt-2 items-start">
        <details class="flex-1 min-w-60">
          <summary class="cursor-pointer text-sm underline">Edit</summary>
          <AddressForm instance={`edit-${a().id}`} address={a()} />
        </details>
        <ActionForm
          action={actions.deleteAddress}
          instance={`delete-${a().id}`}
          aria-label={`Delete address ${a().street}`}
          confirm={`Delete the address ${a().street}, ${a().city}?`}
        >
          <input type="hidden" name="id" value={a().id} />
          <SubmitButton label="Delete" busyLabel="Deleting…" variant="plain" />
        </ActionForm>
      </div>
    </li>
  );
}

function AddressForm(props: { instance: string; address?: Address }) {
  const value = (key: keyof Address) => (props.address ? String(props.address[key]) : undefined);
  return (
    <ActionForm action={actions.saveAddress} instance={props.instance} aria-label={props.address ? 'Edit address' : 'New address'}>
      <Show when={props.address}>{(a) => <input type="hidden" name="id" value={a().id} />}</Show>
      <div class="grid grid-cols-1 sm:grid-cols-2 gap-x-4">
        <Field name="firstName" label="First name" autocomplete="given-name" required value={value('firstName')} />
        <Field name="lastName" label="Last name" autocomplete="family-name" required value={value('lastName')} />
      </div>
      <Field name="street" label="Street and number" autocomplete="address-line1" required value={value('street')} />
      <div class="grid grid-cols-1 sm:grid-cols-2 gap-x-4">
        <Field name="city" label="City" autocomplete="address-level2" required value={value('city')} />
        <Field name="state" label="State or region (if any)" autocomplete="address-level1" value={value('state')} />
        <Field name="zip" label="ZIP or postal code" autocomplete="postal-code" required value={value('zip')} />
        <SelectField name="country" label="Country" options={COUNTRIES} value={value('country') ?? 'US'} />
      </div>
      <CheckboxField name="isDefault" label="Use as my default shipping address" checked={props.address?.isDefault} />
      <SubmitButton label="Save address" busyLabel="Saving…" />
    </ActionForm>
  );
}
