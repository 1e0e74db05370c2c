// The card fields of checkout and "Pay now", named as the payment procedures name them.
import { Field, SelectField } from './form-fields.tsx';

const twoDigits = (n: number) => String(n).padStart(2, '0');
const MONTHS = [{ value: '', label: 'MM' }, ...Array.from({ length: 12 }, (_, i) => ({ value: twoDigits(i + 1), label: twoDigits(i + 1) }))];
const thisYear = new Date().getUTCFullYear();
const YEARS = [{ value: '', label: 'YYYY' }, ...Array.from({ length: 15 }, (_, i) => ({ value: String(thisYear + i), label: String(thisYear + i) }))];

/** Number, expiry, CVV and name, and the test cards. The number and CVV are never shown again after a failed post. */
export function CardFields() {
  return (
    <>
      <Field name="card.number" label="Card number" autocomplete="cc-number" numeric secret maxLength={23} placeholder="1234 1234 1234 1234" />
      <div class="grid grid-cols-[1fr_1fr_minmax(5rem,0.8fr)] gap-x-3">
        <SelectField name="card.expMonth" label="Expiry month" options={MONTHS} />
        <SelectField name="card.expYear" label="Expiry year" options={YEARS} />
        <Field name="card.cvv" label="CVV" autocomplete="cc-csc" numeric secret maxLength={4} placeholder="123" />
      </div>
      <Field name="card.name" label="Name on card (optional)" autocomplete="cc-name" />
      <div class="test-cards mb-4 p-3 rounded border border-dashed border-gray-300 bg-gray-50 text-xs text-gray-700">
        <p class="m-0 mb-1 font-semibold">Test mode — no real money moves.</p>
        <p class="m-0">
          <span class="whitespace-nowrap font-mono">4242 4242 4242 4242</span> pays;{' '}
          <span class="whitespace-nowrap font-mono">4000 0000 0000 0002</span> is declined. Use any future expiry and any 3-digit CVV.
        </p>
      </div>
    </>
  );
}
