// Plain HTML form posts (no JavaScript): run the form's action with the
// in-process caller, then redirect (303) on success, and on failure either
// re-render the form's page with field errors and the values typed (passwords
// excepted) or, for forms shown on many pages, redirect back with a notice.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context as HonoContext, Handler } from 'hono';
import { fieldsOf, formErrors, FormFieldError, keptValues, type ErrorFacts, type FormAction, type PostedForm } from '../client/forms/form-action.ts';
import type { Context } from '../routers/context.ts';
import { DomainError } from '../routers/domain-error.ts';
import { createCaller } from '../routers/index.ts';
import { errorIssues } from '../routers/trpc.ts';
import { sameSiteUrl } from './auth/origin-check.ts';
import { plainText } from './plain-text.ts';

export interface FormPostDeps {
  context: (c: HonoContext) => Promise<Context>;
  page: (c: HonoContext, ctx: Context, url: string, posted?: PostedForm, status?: number) => Promise<Response>;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function formPost(action: FormAction, { context, page }: FormPostDeps): Handler {
  return async (c) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!FORM_TYPES.includes(type)) return plainText('Expected a form submission.', 400);
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return plainText('Expected a form submission.', 400);
    }
    const ctx = await context(c);
    const fields = fieldsOf(form.entries());
    const from = postedFrom(c.req.raw);
    const redirect = (location: string) => {
      const res = c.redirect(location, 303);
      ctx.resHeaders.forEach((value, key) => res.headers.append(key, value));
      return res;
    };
    try {
      return redirect(action.done(fields, await action.run(createCaller(ctx), fields), from));
    } catch (error) {
      const facts = errorFacts(error);
      const errors = facts && formErrors(facts, action.fieldOf, fields);
      if (!facts || !errors) throw error;
      if (action.failed) return redirect(action.failed(fields, facts, from));
      const posted = { path: action.path, values: keptValues(fields), errors };
      const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 400;
      return page(c, ctx, action.page(fields), posted, status);
    }
  };
}

/** What a failure says, shaped as the browser's tRPC client reports it; null for our own faults. */
function errorFacts(error: unknown): ErrorFacts | null {
  if (error instanceof TRPCError) {
    const reason = error.cause instanceof DomainError ? error.cause.code : undefined;
    return { code: error.code, reason, message: error.message, issues: errorIssues(error) };
  }
  if (error instanceof FormFieldError) return { ...error.data, message: error.message };
  return null;
}

/** The shop page the form was posted from (its Referer), if the browser said. */
function postedFrom(req: Request): string | undefined {
  const url = sameSiteUrl(req.headers.get('referer'), req);
  return url ? url.pathname + url.search : undefined;
}
