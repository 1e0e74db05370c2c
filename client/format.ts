// Money arrives as integer minor units; it becomes text (and typed text becomes cents) only here, at the UI edge.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = 'USD'): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/**
 * An amount typed in dollars ("24.50", "$1,200", "7.5") as integer cents, or null
 * when it is not one. Works on the digits, so no float ever rounds a cent away.
 */
export function parseDollars(text: string): number | null {
  // At most nine whole-dollar digits: anything longer is not a price, and stays exact as a number.
  const match = /^\$?(\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "1 product", "14 products": a count with its noun. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
