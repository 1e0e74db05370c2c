// /unsubscribe?token=…: where a marketing email's unsubscribe link leads. Opening
// it changes nothing (mail scanners fetch links to check them): it names the
// address and asks, with a button that posts the token back (POST /unsubscribe).
// Works signed out. A tampered or expired link says so and offers the account page.
import { PageMeta } from '../components/page-meta.tsx';
import { createResource, Match, Show, Switch } from 'solid-js';
import { useApi } from '../api.ts';
import { ActionForm, SubmitButton } from '../components/action-form.tsx';
import { unsubscribe } from '../forms/email-forms.ts';
import { setPageStatus } from '../page-status.ts';
import { useQueryParams } from '../query-params.ts';

const card = 'bg-white border border-gray-200 rounded-lg p-5';
const AccountLink = () => (
  <a href="/account" class="underline">
    your account page
  </a>
);

export function UnsubscribePage() {
  const api = useApi();
  const search = useQueryParams<{ token?: string; done?: string }>();
  const token = () => search.token ?? '';
  const [link] = createResource(
    () => (search.done ? false : { token: token() }),
    (input) => api.email.unsubscribeLink(input),
  );
  const valid = () => {
    const found = link();
    return found?.status === 'valid' ? found : undefined;
  };
  const unusable = () => {
    const found = link();
    return found && found.status !== 'valid' ? found : undefined;
  };
  return (
    <section class="max-w-md mx-auto">
      <PageMeta title="Unsubscribe — GoMall" noindex />
      <h1 class="text-2xl font-bold mb-6">Unsubscribe from marketing email</h1>
      <Switch>
        <Match when={search.done}>
          <div role="status" class={card}>
            <p class="mt-0 mb-3 font-medium">You are unsubscribed.</p>
            <p class="m-0 text-gray-700">
              We will send you no more offers or news. Emails about your orders and your account still arrive. Changed your mind? Tick the box on <AccountLink />.
            </p>
          </div>
        </Match>
        <Match when={unusable()}>{(found) => <LinkUnusable message={found().message} />}</Match>
        <Match when={valid()}>
          {(found) => (
            <Show
              when={found().subscribed}
              fallback={
                <div role="status" class={card}>
                  <p class="m-0">
                    <strong class="break-all">{found().email}</strong> already gets no marketing email from us. Emails about orders and the account still arrive.
                  </p>
                </div>
              }
            >
              <ActionForm action={unsubscribe} aria-label="Unsubscribe" class={card}>
                <input type="hidden" name="token" value={token()} />
                <p class="mt-0 mb-4">
                  Stop sending offers and news to <strong class="break-all">{found().email}</strong>? Emails about your orders and your account still arrive.
                </p>
                <SubmitButton label="Unsubscribe" busyLabel="Unsubscribing…" />
              </ActionForm>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function LinkUnusable(props: { message: string }) {
  setPageStatus(400);
  return (
    <div role="alert" class="p-4 rounded border border-red-300 bg-red-50 text-red-900">
      <p class="m-0">{props.message}</p>
    </div>
  );
}
