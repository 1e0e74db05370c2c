// A form bound to a FormAction: a plain POST without JavaScript, a tRPC call with
// it, and its submit button. Its fields (form-fields.tsx) show their error beside them
// and keep what was typed (not passwords).
import { createContext, createSignal, Show, useContext, type ParentProps } from 'solid-js';
import { formErrors, INSTANCE_FIELD, type ErrorFacts, type Fields, type FormAction, type FormErrors } from '../forms/form-action.ts';
import { usePostedForm } from '../forms/posted-form-context.ts';
import { browserMutations } from '../trpc.ts';

interface FormState {
  error: (name: string) => string | undefined;
  /** What the shopper typed before a failed plain post, if anything. */
  kept: (name: string) => string | undefined;
  /** True when the form is shown again after a failed plain post. */
  reposted: () => boolean;
  busy: () => boolean;
}

const FormStateContext = createContext<FormState>();

export function ActionForm<R>(
  props: ParentProps<{
    action: FormAction<R>;
    instance?: string;
    class?: string;
    'aria-label'?: string;
    /** A question to confirm first, for a change that is hard to undo (with JavaScript). */
    confirm?: string;
    /** With JavaScript, stay on the page and take the result here instead of going where `done` says. */
    onDone?: (result: R, fields: Fields) => void;
    /** With JavaScript, show a failure yourself (beside the field it is about) instead of in the form's summary; focus stays put. */
    onFailed?: (errors: FormErrors, fields: Fields) => void;
  }>,
) {
  const posted = usePostedForm(props.action.path, props.instance);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);
  const current = () => errors() ?? posted()?.errors;
  const summary = () => {
    const found = current();
    if (!found) return undefined;
    return found.form ?? (Object.keys(found.fields).length ? 'Please correct the fields marked below.' : undefined);
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    // Buttons stay enabled while the form is sent (a disabled button drops keyboard focus): a second press waits.
    if (busy()) return;
    if (props.confirm && !window.confirm(props.confirm)) return;
    const form = event.currentTarget as HTMLFormElement;
    const fields = Object.fromEntries([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === 'string'));
    setBusy(true);
    setErrors(null);
    try {
      const result = await props.action.run(browserMutations, fields);
      if (props.onDone) {
        props.onDone(result, fields);
        setBusy(false);
        return;
      }
      // A full navigation, as after a plain post: the header and pages re-read the session.
      window.location.assign(props.action.done(fields, result, location.pathname + location.search));
    } catch (error) {
      const e = error as { message?: string; data?: Omit<ErrorFacts, 'message'> };
      const found = formErrors({ ...e.data, message: e.message ?? '' }, props.action.fieldOf, fields) ?? {
        fields: {},
        form: 'Something went wrong on our side. Please try again.',
      };
      if (props.onFailed) {
        props.onFailed(found, fields);
        setBusy(false);
        return;
      }
      setErrors(found);
      setBusy(false);
      // The first field to fix, else the form's message.
      (form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    }
  };

  const state: FormState = {
    error: (name) => current()?.fields[name],
    kept: (name) => posted()?.values[name],
    reposted: () => !!posted(),
    busy,
  };

  return (
    <FormStateContext.Provider value={state}>
      <form method="post" action={props.action.path} class={props.class} aria-label={props['aria-label']} onSubmit={onSubmit} novalidate>
        <Show when={props.instance}>
          <input type="hidden" name={INSTANCE_FIELD} value={props.instance} />
        </Show>
        <Show when={summary()}>
          {/* After a failed plain post the page is new: focus starts here, so the failure is announced. */}
          <p role="alert" tabindex="-1" autofocus={!!posted()} class="w-full mb-4 p-3 rounded border border-red-300 bg-red-50 text-red-800 text-sm">
            {summary()}
          </p>
        </Show>
        {props.children}
      </form>
    </FormStateContext.Provider>
  );
}

/** Whether the enclosing form is being sent, for submit buttons of its own making. */
export const useFormBusy = () => useFormState().busy;

/** The enclosing ActionForm's state (its fields: form-fields.tsx). */
export function useFormState(): FormState {
  const state = useContext(FormStateContext);
  if (!state) throw new Error('form fields belong inside <ActionForm>');
  return state;
}

const BUTTON_STYLES = {
  primary: 'px-4 py-2 rounded bg-gray-900 text-white font-medium hover:bg-gray-700 disabled:opacity-60 aria-[disabled=true]:opacity-60',
  compact: 'px-4 py-2 rounded bg-gray-900 text-white text-sm hover:bg-gray-700 disabled:opacity-60 aria-[disabled=true]:opacity-60',
  plain: 'text-sm underline text-gray-700 hover:text-gray-900 bg-transparent border-0 p-0 cursor-pointer',
};

export function SubmitButton(props: { label: string; busyLabel?: string; variant?: keyof typeof BUTTON_STYLES }) {
  const form = useFormState();
  const style = () => BUTTON_STYLES[props.variant ?? 'primary'];
  return (
    // aria-disabled, not disabled: the button keeps keyboard focus while the form is sent.
    <button type="submit" class={style()} aria-disabled={form.busy() ? 'true' : undefined}>
      {form.busy() ? (props.busyLabel ?? props.label) : props.label}
    </button>
  );
}
