// Query parameters as pages read them: one string per name. The router hands a
// repeated parameter (`?q=a&q=b`) over as a list, which code expecting text would
// trip on; the first one counts.
import { useSearchParams } from '@solidjs/router';
import { MAX_PAGE } from '../routers/shared/paging.ts';

export function useQueryParams<T extends Partial<Record<keyof T, string>>>(): T {
  const [params] = useSearchParams();
  // Only names the address carries ("toString" is not one), and only text.
  const present = (name: string | symbol) => Reflect.ownKeys(params).includes(name);
  const first = (name: string | symbol) => {
    if (!present(name)) return undefined;
    const value: unknown = params[name as string];
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === 'string' ? text : undefined;
  };
  return new Proxy({} as T, {
    get: (_, name) => first(name),
    has: (_, name) => present(name),
    ownKeys: () => Reflect.ownKeys(params),
    getOwnPropertyDescriptor: (_, name) => (present(name) ? { value: first(name), enumerable: true, configurable: true } : undefined),
  });
}

/** A list's `page` parameter as a page number: 1 unless it names a page a list may show. */
export function pageNumber(param: string | undefined): number {
  const page = Math.floor(Number(param));
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
