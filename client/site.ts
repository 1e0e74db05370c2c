// Where the shop is served from, for absolute URLs (Open Graph wants them).
import { createContext, useContext } from 'solid-js';

export const SiteOriginContext = createContext('');

/** Call in a component body: head tags read their props later, outside the component's context. */
export function useAbsoluteUrl(): (path: string) => string {
  const origin = useContext(SiteOriginContext);
  return (path) => (origin ? new URL(path, origin).href : path);
}
