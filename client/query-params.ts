// Query parameters as pages read them: one string per name. The router hands a
// repeated parameter (`?q=a&q=b`) over as a list, which code expecting text would
// trip on; the first one counts.
import { useSearchParams } from '@solidjs/router';

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
