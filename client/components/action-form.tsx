// A form bound to a FormAction: a plain POST without JavaScript, a tRPC call with
// it. Fields show their error beside them and keep what was typed (not passwords).
import { createContext, createSignal, createUniqueId, For, Show, useContext, type JSX, type ParentProps } from 'solid-js';
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

const inputClass = 'w-full border border-gray-300 rounded px-3 py-2 bg-white aria-[invalid=true]:border-red-600';

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

/** The enclosing ActionForm's state. */
function useFormState(): FormState {
  const state = useContext(FormStateContext);
  if (!state) throw new Error('form fields belong inside <ActionForm>');
  return state;
}

interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  required?: boolean;
  /** Shown when nothing was posted (e.g. the saved profile name). */
  value?: string;
  hint?: string;
  /** Digits (a card number, a CVV): a numeric keyboard and figures of even width. */
  numeric?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** Never shown again after a failed post, as passwords are not (card numbers, CVVs). */
  secret?: boolean;
}

/** A field's id, error and kept value in the enclosing form, and its ARIA wiring. */
export function useField(name: string) {
  const form = useFormState();
  const id = `field-${createUniqueId()}`;
  const error = () => form.error(name);
  return {
    id,
    error,
    /** What was typed before a failed post, else the saved value. */
    value: (saved?: string) => form.kept(name) ?? saved ?? '',
    invalid: () => (error() ? 'true' : undefined),
    describedBy: (hint?: string) => (error() ? `${id}-error` : hint ? `${id}-hint` : undefined),
  };
}

/** Whether a checkbox shows ticked: after a failed post, an unticked box is absent from the values, so the post decides. */
export function useChecked(name: string, saved: () => boolean | undefined) {
  const form = useFormState();
  return () => (form.reposted() ? form.kept(name) === 'on' : !!saved());
}

export function Field(props: FieldProps) {
  const field = useField(props.name);
  const secret = () => props.secret || props.type === 'password';
  return (
    <div class="mb-4">
      <label for={field.id} class="block text-sm font-medium mb-1">
        {props.label}
      </label>
      <input
        id={field.id}
        name={props.name}
        type={props.type ?? 'text'}
        inputmode={props.numeric ? 'numeric' : undefined}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value={secret() ? '' : field.value(props.value)}
        aria-invalid={field.invalid()}
        aria-describedby={field.describedBy(props.hint)}
        class={props.numeric ? `${inputClass} tabular-nums` : inputClass}
      />
      <FieldNote id={field.id} error={field.error()} hint={props.hint} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; checked?: boolean }) {
  const id = `field-${createUniqueId()}`;
  const isChecked = useChecked(props.name, () => props.checked);
  return (
    <div class="mb-4 flex items-start gap-2">
      <input id={id} name={props.name} type="checkbox" checked={isChecked()} class="mt-1" />
      <label for={id} class="text-sm">
        {props.label}
      </label>
    </div>
  );
}

export function SelectField(props: { name: string; label: string; options: { value: string; label: string }[]; value?: string }) {
  const field = useField(props.name);
  const selected = () => field.value(props.value);
  return (
    <div class="mb-4">
      <label for={field.id} class="block text-sm font-medium mb-1">
        {props.label}
      </label>
      <select id={field.id} name={props.name} aria-invalid={field.invalid()} aria-describedby={field.describedBy()} class={inputClass}>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === selected()}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <FieldNote id={field.id} error={field.error()} />
    </div>
  );
}

export function FieldNote(props: { id: string; error?: string; hint?: string }): JSX.Element {
  return (
    <Show
      when={props.error}
      fallback={
        <Show when={props.hint}>
          <p id={`${props.id}-hint`} class="mt-1 text-xs text-gray-600">
            {props.hint}
          </p>
        </Show>
      }
    >
      <p id={`${props.id}-error`} class="mt-1 text-sm text-red-700">
        {props.error}
      </p>
    </Show>
  );
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
