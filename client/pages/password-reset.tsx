// /forgot-password: ask for a reset link by email (the same answer whether or not
// an account has the address), and /reset-password?token=…: the emailed link, which
// sets a new password once, within the hour, and signs the shopper in.
import { PageMeta } from '../components/page-meta.tsx';
import { createResource, Match, Show, Switch } from 'solid-js';
import { useApi } from '../api.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { Field } from '../components/form-fields.tsx';
import { forgotPassword, resetPassword } from '../forms/user-forms.ts';
import { setPageStatus } from '../page-status.ts';
import { useQueryParams } from '../query-params.ts';

const card = 'bg-white border border-gray-200 rounded-lg p-5';

export function ForgotPasswordPage() {
  const search = useQueryParams<{ sent?: string }>();
  return (
    <section class="max-w-sm mx-auto">
      <PageMeta title="Forgot your password? — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-6">Forgot your password?</h1>
      <Show
        when={search.sent}
        fallback={
          <>
            <p class="mb-4 text-gray-700">Type the email address of your account and we will email you a link to choose a new password.</p>
            <ActionForm action={forgotPassword} aria-label="Ask for a password reset link" class={card}>
              <Field name="email" label="Email" type="email" autocomplete="email" required />
              <SubmitButton label="Email me a reset link" busyLabel="Sending…" />
            </ActionForm>
          </>
        }
      >
        <div role="status" class={card}>
          <p class="mt-0 mb-3 font-medium">Check your email.</p>
          <p class="m-0 text-gray-700">
            If an account has that address, we have sent it a link to choose a new password. The link works once, for an hour. Nothing arrived? Check your spam
            folder, or <a href="/forgot-password" class="underline">ask again</a>.
          </p>
        </div>
      </Show>
      <p class="mt-4 text-sm text-gray-700">
        Remembered it? <a href="/sign-in" class="underline">Sign in</a>
      </p>
    </section>
  );
}

export function ResetPasswordPage() {
  const api = useApi();
  const search = useQueryParams<{ token?: string }>();
  const token = () => search.token ?? '';
  const [link] = createResource(() => ({ token: token() }), (input) => api.user.passwordResetLink(input));
  const valid = () => {
    const found = link();
    return found?.valid ? found : undefined;
  };
  return (
    <section class="max-w-sm mx-auto">
      <PageMeta title="Choose a new password — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-6">Choose a new password</h1>
      <Switch>
        <Match when={link()?.valid === false}>
          <LinkUnusable />
        </Match>
        <Match when={valid()}>
          {(valid) => (
            <ActionForm action={resetPassword} aria-label="Choose a new password" class={card}>
              <input type="hidden" name="token" value={token()} />
              <p class="mt-0 mb-4 text-sm text-gray-700">
                For the account <strong class="break-all">{valid().email}</strong>. Every device signed in to it
                will be signed out.
              </p>
              <Field name="password" label="New password" type="password" autocomplete="new-password" required hint="At least 8 characters." />
              <Field name="confirmPassword" label="Confirm new password" type="password" autocomplete="new-password" required />
              <SubmitButton label="Set new password" busyLabel="Saving…" />
            </ActionForm>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function LinkUnusable() {
  setPageStatus(400);
  return (
    <div role="alert" class="p-4 rounded border border-red-300 bg-red-50 text-red-900">
      <p class="mt-0 mb-3">This password reset link has expired or has already been used.</p>
      <p class="m-0">
        <a href="/forgot-password" class="underline">
          Ask for a new link
        </a>{' '}
        or <a href="/sign-in" class="underline">sign in</a>.
      </p>
    </div>
  );
}
