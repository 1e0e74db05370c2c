// tRPC init: the procedure builders every router uses and the one error formatter.
import { initTRPC, StandardSchemaV1Error, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';

export interface FieldIssue {
  /** Dotted path of the offending input field, '' for the input as a whole. */
  path: string;
  message: string;
}

/** Turns standard-schema (valibot) issues into readable, field-named messages. */
export function fieldIssues(error: StandardSchemaV1Error): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.'),
    message: issue.message,
  }));
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const issues = error.cause instanceof StandardSchemaV1Error ? fieldIssues(error.cause) : undefined;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const message = issues
      ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
      : internal && ctx?.config.mode === 'production'
        ? `Something went wrong on our side (request ${ctx.requestId}).`
        : shape.message;
    const { stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: { ...data, ...(internal && ctx?.config.mode === 'development' ? { stack } : {}), issues },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'This needs an administrator account.' });
  return next();
});
