// Query parameters as pages read them: one string per name. The router hands a
// repeated parameter (`?q=a&q=b`) over as a list, which code expecting text would
// trip on; the first one counts.
import { useSearchParams } from '@solidjs/router';

export function useQueryParams<T extends Partial<Record<keyof T, string>>>(): T {
  const [params] = useSearchParams();
  const first = (name: string | symbol) => {
    const value = params[name as string];
    return Array.isArray(value) ? value[0] : value;
  };
  return new Proxy({} as T, {
    get: (_, name) => first(name),
    has: (_, name) => name in params,
    ownKeys: () => Reflect.ownKeys(params),
    getOwnPropertyDescriptor: (_, name) => (name in params ? { value: first(name), enumerable: true, configurable: true } : undefined),
  });
}
