// How pages read data: the same shape on both sides. On the server it is the
// in-process tRPC caller (no HTTP hop); in the browser, a proxy over /trpc queries.
import { createContext, useContext } from 'solid-js';
import type { createCaller } from '../routers/index.ts';

export type Api = ReturnType<typeof createCaller>;
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
