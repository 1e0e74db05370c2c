// Lets a page set the HTTP status of its server render (404 for unknown pages).
import { createContext, useContext } from 'solid-js';
import { isServer } from 'solid-js/web';

export interface PageStatus {
  status: number;
}

export const PageStatusContext = createContext<PageStatus>();

export function setPageStatus(status: number): void {
  const page = useContext(PageStatusContext);
  if (isServer && page) page.status = status;
}
