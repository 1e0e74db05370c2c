// Specifications for card validation, brand detection and the simulated gateway's test cards.
import { describe, expect, it } from 'bun:test';
import { CARD_BRAND_LABELS, detectBrand, luhn, normalizeCardNumber, validateCard, type CardBrand, type CardInput } from './card.ts';
import { charge, DECLINE_MESSAGES, newTransactionId, TEST_CARDS } from './gateway.ts';

// 3 December 2026, UTC: December 2026 cards are still valid, November 2026 ones have expired.
const NOW = Date.UTC(2026, 11, 3);
const VISA = '4242 4242 4242 4242';
const AMEX = '3782 822463 10005';

const card = (fields: Partial<CardInput> = {}): CardInput => ({ number: VISA, expMonth: 12, expYear: 2030, cvv: '123', ...fields });

/** The paths of the issues a card is refused with; [] when it is accepted. */
function issuePaths(fields: Partial<CardInput>, now = NOW): string[] {
  const result = validateCard(card(fields), now);
  return result.ok ? [] : result.issues.map((issue) => issue.path);
}

describe('test cards', () => {
  for (const testCard of TEST_CARDS) {
    it(`${testCard.number} (${testCard.label}) passes validation and gives ${testCard.outcome}`, () => {
      const validated = validateCard(card({ number: testCard.number }), NOW);
      if (!validated.ok) throw new Error(`refused: ${JSON.stringify(validated.issues)}`);
      const result = charge({ number: validated.number, amountCents: 1999, currency: 'USD' }, 'txn_test');
      expect(result.status === 'succeeded' ? result.status : result.declineCode).toBe(testCard.outcome);
    });
  }

  it('4242 4242 4242 4242 succeeds with the caller’s transaction id', () => {
    expect(charge({ number: '4242424242424242', amountCents: 500, currency: 'USD' }, 'txn_abc')).toEqual({
      status: 'succeeded',
      transactionId: 'txn_abc',
    });
  });

  it('each decline carries a shopper-readable message', () => {
    const request = { amountCents: 500, currency: 'USD' };
    expect(charge({ ...request, number: '4000000000000002' }, 'txn_1')).toEqual({
      status: 'declined',
      declineCode: 'card_declined',
      message: 'Your card was declined. Please use another card.',
    });
    expect(charge({ ...request, number: '4000000000009995' }, 'txn_1')).toMatchObject({ message: 'Your card has insufficient funds.' });
    expect(charge({ ...request, number: '4000000000000069' }, 'txn_1')).toMatchObject({ message: 'Your card has expired.' });
    expect(charge({ ...request, number: '4000000000000119' }, 'txn_1')).toMatchObject({
      message: 'We could not process your card. Please try again.',
    });
    expect(Object.keys(DECLINE_MESSAGES).sort()).toEqual(['card_declined', 'expired_card', 'insufficient_funds', 'processing_error']);
  });

  it('any other valid number succeeds', () => {
    expect(charge({ number: '5555555555554444', amountCents: 500, currency: 'USD' }, 'txn_2')).toEqual({
      status: 'succeeded',
      transactionId: 'txn_2',
    });
  });

  it('new transaction ids are txn_ plus 24 hex characters, and differ', () => {
    const first = newTransactionId();
    expect(first).toMatch(/^txn_[0-9a-f]{24}$/);
    expect(newTransactionId()).not.toBe(first);
  });
});

describe('card number', () => {
  it('Luhn accepts valid numbers and refuses a mistyped digit', () => {
    expect(luhn('4242424242424242')).toBe(true);
    expect(luhn('378282246310005')).toBe(true);
    expect(luhn('4242424242424241')).toBe(false);
    expect(luhn('')).toBe(false);
    expect(validateCard(card({ number: '4242 4242 4242 4241' }), NOW)).toEqual({
      ok: false,
      issues: [{ path: 'number', message: 'Card number is not valid. Please check it and try again.' }],
    });
  });

  it('must be 13 to 19 digits, even when the checksum is right', () => {
    const tooShort = validateCard(card({ number: '422222222222' }), NOW); // 12 digits, Luhn-valid
    expect(tooShort).toEqual({ ok: false, issues: [{ path: 'number', message: 'Card number must be 13 to 19 digits.' }] });
    expect(issuePaths({ number: '4222222222222' })).toEqual([]); // 13 digits
    expect(issuePaths({ number: '4242424242424242428' })).toEqual([]); // 19 digits
    expect(issuePaths({ number: '42424242424242424242' })).toEqual(['number']); // 20 digits, Luhn-valid
  });

  it('refuses letters and other symbols', () => {
    expect(validateCard(card({ number: '4242 4242 4242 424a' }), NOW)).toEqual({
      ok: false,
      issues: [{ path: 'number', message: 'Card number may contain only digits.' }],
    });
    expect(issuePaths({ number: '4242.4242.4242.4242' })).toEqual(['number']);
  });

  it('allows spaces and dashes, and returns only the digits', () => {
    expect(normalizeCardNumber(' 4242 4242-4242-4242 ')).toBe('4242424242424242');
    expect(validateCard(card({ number: '4242-4242-4242-4242' }), NOW)).toEqual({
      ok: true,
      number: '4242424242424242',
      brand: 'visa',
      last4: '4242',
    });
  });

  it('never appears in an issue message', () => {
    const numbers = ['4242 4242 4242 4241', '42424242424242424242', '4242424242424242'];
    for (const number of numbers) {
      const result = validateCard({ number, expMonth: 13, expYear: 26, cvv: 'abc' }, NOW);
      if (result.ok) throw new Error('expected issues');
      for (const issue of result.issues) {
        expect(issue.message).not.toContain(normalizeCardNumber(number));
        expect(issue.message).not.toContain(number);
      }
    }
  });
});

describe('expiry', () => {
  it('month must be 1 to 12', () => {
    expect(issuePaths({ expMonth: 0 })).toEqual(['expMonth']);
    expect(issuePaths({ expMonth: 13 })).toEqual(['expMonth']);
    expect(issuePaths({ expMonth: 1.5 })).toEqual(['expMonth']);
    expect(issuePaths({ expMonth: 1 })).toEqual([]);
  });

  it('year must have 4 digits', () => {
    expect(issuePaths({ expYear: 30 })).toEqual(['expYear']);
    expect(issuePaths({ expYear: 20300 })).toEqual(['expYear']);
  });

  it('a card that expired last month is refused, one expiring this month is accepted', () => {
    expect(issuePaths({ expMonth: 11, expYear: 2026 })).toEqual(['expYear']);
    expect(issuePaths({ expMonth: 12, expYear: 2025 })).toEqual(['expYear']);
    expect(issuePaths({ expMonth: 12, expYear: 2026 })).toEqual([]);
  });

  it('a card is valid through the last millisecond of its expiry month, in UTC', () => {
    expect(issuePaths({ expMonth: 12, expYear: 2026 }, Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toEqual([]);
    expect(issuePaths({ expMonth: 12, expYear: 2026 }, Date.UTC(2027, 0, 1))).toEqual(['expYear']);
  });

  it('says the card has expired', () => {
    expect(validateCard(card({ expMonth: 11, expYear: 2026 }), NOW)).toEqual({
      ok: false,
      issues: [{ path: 'expYear', message: 'This card has expired.' }],
    });
  });
});

describe('security code', () => {
  it('keeps leading zeros', () => {
    expect(issuePaths({ cvv: '012' })).toEqual([]);
  });

  it('is 3 digits for most cards', () => {
    expect(issuePaths({ cvv: '12' })).toEqual(['cvv']);
    expect(issuePaths({ cvv: '1234' })).toEqual(['cvv']);
    expect(issuePaths({ cvv: '12a' })).toEqual(['cvv']);
  });

  it('is 4 digits for American Express', () => {
    expect(issuePaths({ number: AMEX, cvv: '1234' })).toEqual([]);
    expect(validateCard(card({ number: AMEX, cvv: '123' }), NOW)).toEqual({
      ok: false,
      issues: [{ path: 'cvv', message: 'Security code must be 4 digits.' }],
    });
  });
});

describe('brand', () => {
  const cases: [string, CardBrand][] = [
    ['4242424242424242', 'visa'],
    ['5105105105105100', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['340000000000009', 'amex'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['6440000000000000', 'discover'],
    ['6490000000000000', 'discover'],
    ['6500000000000000', 'discover'],
    ['5000000000000000', 'unknown'],
    ['2220990000000000', 'unknown'],
    ['2721000000000000', 'unknown'],
    ['6430000000000000', 'unknown'],
    ['3530111333300000', 'unknown'],
  ];
  for (const [number, brand] of cases) {
    it(`${number} is ${brand}`, () => expect(detectBrand(number)).toBe(brand));
  }

  it('is reported with the last four digits of an accepted card', () => {
    expect(validateCard(card({ number: AMEX, cvv: '0123' }), NOW)).toEqual({
      ok: true,
      number: '378282246310005',
      brand: 'amex',
      last4: '0005',
    });
  });

  it('has a display label for each brand', () => {
    expect(CARD_BRAND_LABELS).toEqual({
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      unknown: 'Card',
    });
  });
});
