// Admin pages load their data through admin procedures; a refusal becomes a clear
// "admins only" page instead of an error (signing in is the accounts pages' job).
import { Title } from '@solidjs/meta';
import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import { errorCode } from '../../api.ts';
import { setPageStatus } from '../../page-status.ts';

export type Denied = { denied: 'UNAUTHORIZED' | 'FORBIDDEN' };
export type AdminResult<T> = { data: T } | Denied;

/** Runs an admin query; UNAUTHORIZED and FORBIDDEN become a value the page can show. */
export async function asAdmin<T>(query: Promise<T>): Promise<AdminResult<T>> {
  try {
    return { data: await query };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') return { denied: code };
    throw error;
  }
}

/** Renders the page with the loaded data, or "admins only" when it was refused. */
export function AdminGate<T>(props: { result: AdminResult<T> | undefined; children: (data: Accessor<T>) => JSX.Element }) {
  const denied = () => (props.result && 'denied' in props.result ? props.result.denied : undefined);
  const data = () => (props.result && 'data' in props.result ? props.result.data : undefined);
  return (
    <Switch>
      <Match when={denied()}>{(reason) => <AdminsOnly reason={reason()} />}</Match>
      <Match when={data()}>{(loaded) => props.children(loaded)}</Match>
    </Switch>
  );
}

export function AdminsOnly(props: { reason: Denied['denied'] }) {
  setPageStatus(props.reason === 'UNAUTHORIZED' ? 401 : 403);
  return (
    <section class="text-center py-16">
      <Title>Admins only — GoMall</Title>
      <h1 class="text-2xl font-bold mb-2">Admins only</h1>
      <p class="text-gray-600 mb-6">
        {props.reason === 'UNAUTHORIZED'
          ? 'Please sign in with an administrator account to manage products.'
          : 'Your account cannot manage products: this needs an administrator account.'}
      </p>
      <a href="/" class="underline">
        Back to the shop
      </a>
    </section>
  );
}
