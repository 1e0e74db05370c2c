// Lets a page set the HTTP status of its server render (404 for unknown pages).
import { createContext, useContext } from 'solid-js';
import { isServer } from 'solid-js/web';

export interface PageStatus {
  status: number;
  /** Set when the page failed to render; the server logs it with the request id. */
  error?: unknown;
}

export const PageStatusContext = createContext<PageStatus>();

export function setPageStatus(status: number, error?: unknown): void {
  const page = useContext(PageStatusContext);
  if (isServer && page) Object.assign(page, { status, error });
}
