// How pages read data: the same shape on both sides. On the server it is the
// in-process tRPC caller (no HTTP hop); in the browser, a proxy over /trpc queries.
import type { AnyMutationProcedure, AnyQueryProcedure, AnyTRPCProcedure, inferProcedureInput, inferProcedureOutput, TRPCRouterRecord } from '@trpc/server';
import { createContext, useContext } from 'solid-js';
import type { AppRouter } from '../routers/index.ts';

/** The procedures of one kind (queries or mutations) as plain async functions, nested by router. */
type Calls<R extends TRPCRouterRecord, Kind> = {
  [K in keyof R as R[K] extends AnyTRPCProcedure ? (R[K] extends Kind ? K : never) : K]: R[K] extends AnyTRPCProcedure
    ? (input: inferProcedureInput<R[K]>) => Promise<inferProcedureOutput<R[K]>>
    : R[K] extends TRPCRouterRecord
      ? Calls<R[K], Kind>
      : never;
};

type Procedures = AppRouter['_def']['record'];

/** What pages read with: queries only, so calling a mutation while rendering does not compile. */
export type Api = Calls<Procedures, AnyQueryProcedure>;
/** What forms run: mutations only. */
export type MutationApi = Calls<Procedures, AnyMutationProcedure>;
export type ApiOutput<F> = F extends (...args: any[]) => Promise<infer R> ? R : never;

export const ApiContext = createContext<Api>();

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiContext.Provider>');
  return api;
}

/** The tRPC error code of a failed call, from the in-process caller or the browser client alike. */
export function errorCode(error: unknown): string | undefined {
  return (error as { data?: { code?: string } }).data?.code ?? (error as { code?: string }).code;
}

/**
 * Runs a query built from the page's address, turning NOT_FOUND into null so pages
 * can show their own not-found state. So is BAD_REQUEST: a malformed slug or id in
 * the address is just another thing that does not exist.
 */
export async function orNotFound<T>(query: Promise<T>): Promise<T | null> {
  try {
    return await query;
  } catch (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_REQUEST') return null;
    throw error;
  }
}
