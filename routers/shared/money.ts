// Money as text: amounts are integer minor units (cents) with a currency everywhere
// else; they become "$1,234.50" only where people read them (pages and emails).
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = 'USD'): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}
