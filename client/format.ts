// Money arrives as integer minor units and times as epoch milliseconds; they become
// text (and typed text becomes cents) only here, at the UI edge.
export { formatMoney } from '../routers/shared/money.ts';

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

// One time zone on the server and in the browser, so a page hydrates with the text it was rendered with.
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Dec 3, 2026, 2:05 PM UTC". */
export const formatTime = (ms: number) => `${dateTime.format(ms)} UTC`;
/** "Dec 3, 2026". */
export const formatDate = (ms: number) => dateOnly.format(ms);
