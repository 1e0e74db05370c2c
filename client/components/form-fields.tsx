// The fields of an ActionForm: each shows its error beside it, wired for screen readers,
// and keeps what was typed after a failed plain post (never a password or card number).
// Apart from ActionForm itself, so a page whose forms are only buttons (Add to cart)
// does not download them.
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { useFormState } from './action-form.tsx';

const inputClass = 'w-full border border-gray-300 rounded px-3 py-2 bg-white aria-[invalid=true]:border-red-600';

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
