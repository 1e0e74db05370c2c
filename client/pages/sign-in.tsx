import { PageMeta } from '../components/page-meta.tsx';
import { Show } from 'solid-js';
import { safeNext, withNext } from '../../routers/shared/next.ts';
import { needsAccount } from '../../routers/shared/protected-pages.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { Field } from '../components/form-fields.tsx';
import { signIn } from '../forms/user-forms.ts';
import { useQueryParams } from '../query-params.ts';

export function SignInPage() {
  const search = useQueryParams<{ next?: string }>();
  const next = () => safeNext(search.next);
  return (
    <section class="max-w-sm mx-auto">
      <PageMeta title="Sign in — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-6">Sign in</h1>
      {/* Sent here from a page that needs an account: say why, and that they will be taken back. */}
      <Show when={needsAccount(new URL(next(), 'http://x').pathname)}>
        <p class="mb-4 text-gray-700">Please sign in to continue; you will go straight back to the page you asked for.</p>
      </Show>
      <ActionForm action={signIn} aria-label="Sign in" class="bg-white border border-gray-200 rounded-lg p-5">
        <input type="hidden" name="next" value={next()} />
        <Field name="email" label="Email" type="email" autocomplete="email" required />
        <Field name="password" label="Password" type="password" autocomplete="current-password" required />
        <SubmitButton label="Sign in" busyLabel="Signing in…" />
      </ActionForm>
      <p class="mt-4 text-sm text-gray-700">
        <a href="/forgot-password" class="underline">
          Forgot your password?
        </a>
      </p>
      <p class="mt-4 text-sm text-gray-700">
        New to GoMall? <a href={withNext('/sign-up', search.next)} class="underline">Create an account</a>
      </p>
    </section>
  );
}
