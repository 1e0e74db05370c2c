// The admin forms' inputs in the console's look (label above a compact input),
// bound to their ActionForm: after a failed post they show what was typed and
// the error beside the field, linked to it for screen readers.
import type { JSX } from 'solid-js';
import { useFormBusy } from '../../components/action-form.tsx';
import { FieldNote, useChecked, useField } from '../../components/form-fields.tsx';

const inputClass = 'border border-gray-300 rounded px-2 py-1.5 bg-white aria-[invalid=true]:border-red-600';

interface FieldProps {
  name: string;
  label: string;
  /** Shown when nothing was posted (the saved value). */
  value?: string;
  class?: string;
}

export function TextField(
  props: FieldProps &
    Pick<JSX.InputHTMLAttributes<HTMLInputElement>, 'required' | 'maxLength' | 'pattern' | 'placeholder' | 'inputMode' | 'min' | 'step'> & {
      type?: 'text' | 'number';
    },
) {
  const field = useField(props.name);
  return (
    <div>
      <label class="flex flex-col gap-1 text-sm">
        {props.label}
        <input
          id={field.id}
          name={props.name}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          min={props.min}
          step={props.step}
          required={props.required}
          maxLength={props.maxLength}
          pattern={props.pattern}
          placeholder={props.placeholder}
          value={field.value(props.value)}
          aria-invalid={field.invalid()}
          aria-describedby={field.describedBy()}
          class={`${inputClass} ${props.class ?? ''}`}
        />
      </label>
      <FieldNote id={field.id} error={field.error()} />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { rows: number; maxLength: number }) {
  const field = useField(props.name);
  return (
    <div>
      <label class="flex flex-col gap-1 text-sm">
        {props.label}
        <textarea
          id={field.id}
          name={props.name}
          rows={props.rows}
          maxLength={props.maxLength}
          aria-invalid={field.invalid()}
          aria-describedby={field.describedBy()}
          class={props.class ? `${inputClass} ${props.class}` : inputClass}
        >
          {field.value(props.value)}
        </textarea>
      </label>
      <FieldNote id={field.id} error={field.error()} />
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean }) {
  const isChecked = useChecked(props.name, () => props.checked);
  return (
    <label class="flex items-center gap-2 text-sm">
      <input type="checkbox" name={props.name} checked={isChecked()} />
      {props.label}
    </label>
  );
}

/** A group of checkboxes with one error for the group (e.g. "categories"). */
export function CheckboxGroup(props: { name: string; legend: string; children: JSX.Element }) {
  const field = useField(props.name);
  return (
    <fieldset class="border border-gray-200 rounded p-3" aria-describedby={field.describedBy()}>
      <legend class="text-sm px-1">{props.legend}</legend>
      {props.children}
      <FieldNote id={field.id} error={field.error()} />
    </fieldset>
  );
}

/** A submit button in a look of its own (the dark header's sign-out, a destructive action). */
export function StyledSubmit(props: { label: string; busyLabel: string; class: string }) {
  const busy = useFormBusy();
  return (
    // aria-disabled, not disabled: the button keeps keyboard focus while the form is sent.
    <button type="submit" class={`${props.class} aria-[disabled=true]:opacity-60`} aria-disabled={busy() ? 'true' : undefined}>
      {busy() ? props.busyLabel : props.label}
    </button>
  );
}
