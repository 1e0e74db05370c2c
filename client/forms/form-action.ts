// A form that works both ways with one definition: posted as a plain HTML form
// (server/form-post-handler.ts runs it with the in-process caller and redirects or
// re-renders with errors) or submitted by JavaScript through the tRPC client.
import type { MutationApi } from '../api.ts';

export type Fields = Record<string, string>;

export interface FormAction<R = unknown> {
  /** The POST target of the plain form; also names the form's posted state. */
  path: string;
  /** The page that shows the form, re-rendered with errors after a failed post. */
  page: (fields: Fields) => string;
  /** The procedure call, built from the form's fields (the same on server and browser). */
  run: (api: MutationApi, fields: Fields) => Promise<R>;
  /**
   * Where the browser goes after success (a method, so a list of actions may hold any
   * result type). `from` is the page the form was posted from, when known.
   */
  done(fields: Fields, result: R, from?: string): string;
  /**
   * For forms shown on many pages (add to cart): where to go back to after a failure,
   * instead of re-rendering `page` with the errors.
   */
  failed?(fields: Fields, error: ErrorFacts, from?: string): string;
  /** The form field that shows the errors of a procedure input named differently (priceCents → price). */
  fieldOf?: Record<string, string>;
}

export interface FormErrors {
  /** Message per field name. */
  fields: Record<string, string>;
  /** A message about the form as a whole (wrong password, too many attempts). */
  form?: string;
}

/** A failed plain post, handed to the page's re-render. */
export interface PostedForm {
  path: string;
  values: Fields;
  errors: FormErrors;
}

/** The hidden field that tells several forms with one action apart (e.g. one per address). */
export const INSTANCE_FIELD = '_instance';

/** The text fields of a form (FormData or a parsed body); files are ignored. */
export function fieldsOf(entries: Iterable<[string, unknown]>): Fields {
  const fields: Fields = {};
  for (const [key, value] of entries) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** What a re-rendered form may show again: everything except passwords and card numbers and codes. */
export function keptValues(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !/password|^card\.(number|cvv)$/i.test(key)));
}

export interface ErrorFacts {
  code?: string;
  /** The domain's own error code (NOT_ENOUGH_STOCK), when a domain rule refused. */
  reason?: string;
  message: string;
  issues?: { path: string; message: string }[];
}

/**
 * A field the form converts itself before calling the procedure (a price typed in
 * dollars) and could not: shaped like a tRPC input error, so both ways show it
 * next to that field.
 */
export class FormFieldError extends Error {
  override name = 'FormFieldError';
  readonly data: { code: 'BAD_REQUEST'; issues: { path: string; message: string }[] };
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.data = { code: 'BAD_REQUEST', issues: [{ path: field, message }] };
  }
}

/** Fields forms carry in hidden inputs: an issue about one has no field to stand beside. */
const HIDDEN_FIELDS = new Set(['id', INSTANCE_FIELD]);

/** Errors to show in a form, or null for a failure the shopper cannot fix (our fault). */
/**
 * `fieldOf` maps input names to form field names; `posted`, the fields the form
 * sent: an issue about anything else has no field to stand beside, so it is
 * shown for the form as a whole (never dropped).
 */
export function formErrors(
  { code, message, issues }: ErrorFacts,
  fieldOf: Record<string, string> = {},
  posted?: Fields,
): FormErrors | null {
  if (!code || code === 'INTERNAL_SERVER_ERROR') return null;
  if (!issues?.length) return { fields: {}, form: message };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = issue.path ? (fieldOf[issue.path] ?? issue.path) : '';
    if (field && !HIDDEN_FIELDS.has(field) && (!posted || field in posted)) fields[field] ??= issue.message;
    else general.push(field ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { fields, form: general.length ? general.join(' ') : undefined };
}

export const checked = (fields: Fields, name: string) => fields[name] === 'on';

