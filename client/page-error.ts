// Errors a server-rendered page carries into the browser: Solid serializes a failed
// resource's or boundary's error into the page for hydration, so such an error holds
// a code and a message and nothing else (no stack, no file names).
import { createContext } from 'solid-js';

export class PageDataError extends Error {
  override name = 'PageDataError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    // Bun gives every Error its stack and source position (line, column, sourceURL).
    for (const key of Object.getOwnPropertyNames(this)) {
      if (!['message', 'code', 'name'].includes(key)) delete (this as unknown as Record<string, unknown>)[key];
    }
  }
}

/** Hears about render failures that are the shop's fault (the server logs them with the request id). */
export const RenderErrorContext = createContext<(error: unknown) => void>();

/**
 * Whether this is a PageDataError. Not `instanceof`: in production the renderer is the
 * SSR bundle, with its own copy of the class, while page data comes from the source's.
 */
export function isPageDataError(error: unknown): error is PageDataError {
  return error instanceof Error && error.name === 'PageDataError' && typeof (error as { code?: unknown }).code === 'string';
}

/** What a page may show of anything thrown while rendering: ours as it is, anything else as a generic failure. */
export function toPageError(error: unknown, report?: (error: unknown) => void): PageDataError {
  if (isPageDataError(error)) return error;
  report?.(error);
  return new PageDataError('INTERNAL_SERVER_ERROR', 'Something went wrong');
}
