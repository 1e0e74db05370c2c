// Card validation and brand detection for the simulated gateway: pure functions, no I/O.
// Messages are shown to shoppers and never echo the card number.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export const CARD_BRAND_LABELS: Readonly<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  unknown: 'Card',
};

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvv: string;
  name?: string;
}

export interface CardIssue {
  path: 'number' | 'expMonth' | 'expYear' | 'cvv';
  message: string;
}

export type CardValidation = { ok: true; number: string; brand: CardBrand; last4: string } | { ok: false; issues: CardIssue[] };

/** Shoppers type numbers grouped as printed on the card ("4242 4242 …" or "4242-4242-…"). */
export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The Luhn checksum, which catches a single mistyped digit and most swapped neighbours. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The brand, from the card's issuer identification number (its leading digits). */
export function detectBrand(digits: string): CardBrand {
  const prefix2 = Number(digits.slice(0, 2));
  const prefix3 = Number(digits.slice(0, 3));
  const prefix4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) return 'mastercard';
  if (prefix2 === 34 || prefix2 === 37) return 'amex';
  if (prefix4 === 6011 || (prefix3 >= 644 && prefix3 <= 649) || prefix2 === 65) return 'discover';
  return 'unknown';
}

/** Checks a card as entered at checkout; `now` is passed in so expiry is deterministic. */
export function validateCard(card: CardInput, now: number): CardValidation {
  const issues: CardIssue[] = [];
  const number = normalizeCardNumber(card.number);
  const digitsOnly = /^\d+$/.test(number);
  const brand = digitsOnly ? detectBrand(number) : 'unknown';

  if (!digitsOnly) issues.push({ path: 'number', message: 'Card number may contain only digits.' });
  else if (number.length < 13 || number.length > 19) issues.push({ path: 'number', message: 'Card number must be 13 to 19 digits.' });
  else if (!luhn(number)) issues.push({ path: 'number', message: 'Card number is not valid. Please check it and try again.' });

  const monthOk = Number.isInteger(card.expMonth) && card.expMonth >= 1 && card.expMonth <= 12;
  const yearOk = Number.isInteger(card.expYear) && card.expYear >= 1000 && card.expYear <= 9999;
  if (!monthOk) issues.push({ path: 'expMonth', message: 'Expiry month must be between 1 and 12.' });
  if (!yearOk) issues.push({ path: 'expYear', message: 'Expiry year must have 4 digits, like 2030.' });
  // A card is valid through the last day of its expiry month, so it expires when the next month starts (UTC).
  if (monthOk && yearOk && now >= Date.UTC(card.expYear, card.expMonth, 1)) {
    issues.push({ path: 'expYear', message: 'This card has expired.' });
  }

  const cvvLength = brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvvLength}}$`).test(card.cvv)) {
    issues.push({ path: 'cvv', message: `Security code must be ${cvvLength} digits.` });
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, number, brand, last4: number.slice(-4) };
}
