// A simulated card gateway: offline and deterministic, with outcomes chosen by Stripe-style test card numbers.
import { normalizeCardNumber } from './card.ts';

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'processing_error';

export interface ChargeRequest {
  /** Normalized digits, as returned by validateCard. */
  number: string;
  amountCents: number;
  currency: string;
}

export type ChargeResult =
  | { status: 'succeeded'; transactionId: string }
  | { status: 'declined'; declineCode: DeclineCode; message: string };

export interface TestCard {
  number: string;
  outcome: 'succeeded' | DeclineCode;
  label: string;
}

/** Cards the checkout page can suggest; any other number that passes validation succeeds. */
export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242 4242 4242 4242', outcome: 'succeeded', label: 'Payment succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'card_declined', label: 'Card declined' },
  { number: '4000 0000 0000 9995', outcome: 'insufficient_funds', label: 'Insufficient funds' },
  { number: '4000 0000 0000 0069', outcome: 'expired_card', label: 'Expired card' },
  { number: '4000 0000 0000 0119', outcome: 'processing_error', label: 'Processing error' },
];

export const DECLINE_MESSAGES: Readonly<Record<DeclineCode, string>> = {
  card_declined: 'Your card was declined. Please use another card.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'We could not process your card. Please try again.',
};

// Built from TEST_CARDS so the hint shown to shoppers and the gateway cannot disagree.
const DECLINES = new Map<string, DeclineCode>(
  TEST_CARDS.flatMap((card) => (card.outcome === 'succeeded' ? [] : [[normalizeCardNumber(card.number), card.outcome] as const])),
);

/** Charges a validated card; the caller supplies the transaction id so tests stay deterministic. */
export function charge(request: ChargeRequest, transactionId: string): ChargeResult {
  const declineCode = DECLINES.get(request.number);
  if (declineCode) return { status: 'declined', declineCode, message: DECLINE_MESSAGES[declineCode] };
  return { status: 'succeeded', transactionId };
}

/** A random id like `txn_3f9c…` (24 hex characters). */
export function newTransactionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `txn_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
