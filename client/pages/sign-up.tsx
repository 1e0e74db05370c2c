import { PageMeta } from '../components/page-meta.tsx';
import { safeNext, withNext } from '../../routers/shared/next.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { CheckboxField, Field } from '../components/form-fields.tsx';
import { signUp } from '../forms/user-forms.ts';
import { useQueryParams } from '../query-params.ts';

export function SignUpPage() {
  const search = useQueryParams<{ next?: string }>();
  const next = () => safeNext(search.next);
  return (
    <section class="max-w-sm mx-auto">
      <PageMeta title="Create an account — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-6">Create an account</h1>
      <ActionForm action={signUp} aria-label="Create an account" class="bg-white border border-gray-200 rounded-lg p-5">
        <input type="hidden" name="next" value={next()} />
        <Field name="name" label="Name (optional)" autocomplete="name" />
        <Field name="email" label="Email" type="email" autocomplete="email" required />
        <Field
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          required
          hint="At least 8 characters."
        />
        <Field name="confirmPassword" label="Confirm password" type="password" autocomplete="new-password" required />
        <CheckboxField name="marketingOptIn" label="Email me about offers and new products (you can stop any time)." />
        <SubmitButton label="Create account" busyLabel="Creating your account…" />
      </ActionForm>
      <p class="mt-4 text-sm text-gray-700">
        Already have an account? <a href={withNext('/sign-in', search.next)} class="underline">Sign in</a>
      </p>
    </section>
  );
}
