// Lets a page set the HTTP status of its server render (404 for unknown pages), and
// records which route pattern rendered it ("/product/:slug") for the server's log and metrics.
import { useCurrentMatches } from '@solidjs/router';
import { createContext, useContext } from 'solid-js';
import { isServer } from 'solid-js/web';

export interface PageStatus {
  status: number;
  /** The page router's pattern of the route rendered (server render only). */
  route?: string;
}

export const PageStatusContext = createContext<PageStatus>();

export function setPageStatus(status: number): void {
  const page = useContext(PageStatusContext);
  if (isServer && page) page.status = status;
}

/** Called once inside the router (the layout): notes the matched route's pattern on the server. */
export function notePageRoute(): void {
  const page = useContext(PageStatusContext);
  if (isServer && page) page.route = useCurrentMatches()().at(-1)?.route.pattern;
}
