/** `table[key]` for the table's own keys only: a URL may say `?x=toString`. */
export function known<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
