// tRPC init: the procedure builders every router uses and the one error formatter.
import { initTRPC, StandardSchemaV1Error, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { DomainError } from './domain-error.ts';

export interface FieldIssue {
  /** Dotted path of the offending input field, '' for the input as a whole. */
  path: string;
  message: string;
}

/** Turns standard-schema (valibot) issues into readable, field-named messages. */
function fieldIssues(error: StandardSchemaV1Error): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.'),
    message: plainMessage(issue.message),
  }));
}

/** Valibot's own words for a missing field or input (the schemas word everything else). */
function plainMessage(message: string): string {
  if (/^Invalid key: Expected ".*" but received undefined$/.test(message)) return 'is required';
  if (message === 'Invalid type: Expected Object but received undefined') return 'input is required (a JSON object of fields)';
  return message;
}

/**
 * The field-named issues of an error: from input validation, or a domain error about
 * one field (e.g. "email already taken"), so forms can show it next to that field.
 */
export function errorIssues(error: TRPCError): FieldIssue[] | undefined {
  if (error.cause instanceof StandardSchemaV1Error) return fieldIssues(error.cause);
  if (error.cause instanceof DomainError && error.cause.field) return [{ path: error.cause.field, message: error.message }];
  return undefined;
}

/** The one place a domain error becomes the error an API client sees. */
function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: error.kind, message: error.message, cause: error });
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const issues = errorIssues(error);
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const message = error.cause instanceof StandardSchemaV1Error
      ? issues!.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
      : internal && ctx?.config.mode === 'production'
        ? `Something went wrong on our side (request ${ctx.requestId}).`
        : shape.message;
    const { stack, ...data } = shape.data;
    // The domain's own code (NOT_ENOUGH_STOCK, COUPON_EXPIRED…), for clients that act on it.
    const reason = error.cause instanceof DomainError ? error.cause.code : undefined;
    return {
      ...shape,
      message,
      data: { ...data, ...(internal && ctx?.config.mode === 'development' ? { stack } : {}), issues, reason },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
// Domain errors (UserError, CartError, CatalogError…) become tRPC errors here, once;
// each call is counted by how it ended when metrics are on (ctx.metrics), and traced
// as a span when tracing is on (ctx.tracing).
export const publicProcedure = t.procedure.use(async ({ ctx, path, next }) => {
  // With tracing on, the call is a span of its own (named as the procedure) around what follows.
  const result = await (ctx.tracing ? ctx.tracing.span(path, () => next()) : next());
  if (!result.ok && result.error.cause instanceof DomainError) {
    const error = toTRPCError(result.error.cause);
    ctx.metrics?.procedure(path, error.code);
    throw error;
  }
  ctx.metrics?.procedure(path, result.ok ? 'OK' : result.error.code);
  return result;
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'This needs an administrator account.' });
  return next();
});
