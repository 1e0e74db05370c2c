// Plain HTML form posts (no JavaScript): run the form's action with the
// in-process caller, then redirect (303) on success or re-render the form's
// page with field errors and the values typed (passwords excepted).
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context as HonoContext, Handler } from 'hono';
import { fieldsOf, formErrors, FormFieldError, keptValues, type FormAction, type PostedForm } from '../client/form-action.ts';
import { createCaller } from '../routers/index.ts';
import type { Context } from './context.ts';
import { errorIssues } from './trpc.ts';

export interface FormPostDeps {
  context: (c: HonoContext) => Promise<Context>;
  page: (c: HonoContext, ctx: Context, url: string, posted?: PostedForm, status?: number) => Promise<Response>;
}

export function formPost(action: FormAction, { context, page }: FormPostDeps): Handler {
  return async (c) => {
    const ctx = await context(c);
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody();
    } catch {
      return c.text('Expected a form submission.', 400);
    }
    const fields = fieldsOf(Object.entries(body));
    try {
      const result = await action.run(createCaller(ctx), fields);
      const res = c.redirect(action.done(fields, result), 303);
      ctx.resHeaders.forEach((value, key) => res.headers.append(key, value));
      return res;
    } catch (error) {
      const facts =
        error instanceof TRPCError
          ? { code: error.code, message: error.message, issues: errorIssues(error) }
          : error instanceof FormFieldError
            ? { ...error.data, message: error.message }
            : null;
      const errors = facts && formErrors(facts, action.fieldOf, fields);
      if (!errors) throw error;
      const posted = { path: action.path, values: keptValues(fields), errors };
      const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 400;
      return page(c, ctx, action.page(fields), posted, status);
    }
  };
}
