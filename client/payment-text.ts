// What a payment says to people. Copied from the gateway's modules (the browser may
// not import their code); their types keep the copies complete.
import type { CardBrand } from '../routers/payment/card.ts';
import type { DeclineCode } from '../routers/payment/gateway.ts';
import { known } from './known.ts';

const BRANDS: Readonly<Record<CardBrand, string>> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', unknown: 'Card' };

export const brandOf = (brand: string) => known(BRANDS, brand) ?? BRANDS.unknown;

const DECLINE_MESSAGES: Readonly<Record<DeclineCode, string>> = {
  card_declined: 'Your card was declined. Please use another card.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'We could not process your card. Please try again.',
};

/** Why a card was declined, for the shopper; an unknown or missing code reads as a plain decline. */
export const declineMessage = (code?: string | null) => known(DECLINE_MESSAGES, code ?? undefined) ?? DECLINE_MESSAGES.card_declined;
