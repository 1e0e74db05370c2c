// A postal address laid out as its country writes it.
import type { ShippingAddress } from '../../routers/checkout/place-order.ts';
import { regionName } from '../countries.ts';

/** Countries that write "City, ST 12345"; most others put the postal code first ("10115 Berlin"). */
const CITY_FIRST = new Set(['US', 'CA', 'AU']);

export function AddressBlock(props: { address: ShippingAddress; class?: string }) {
  const a = () => props.address;
  const city = () => (a().state ? `${a().city}, ${a().state}` : a().city);
  return (
    <address class={props.class ? `not-italic text-sm ${props.class}` : 'not-italic text-sm'}>
      {a().firstName} {a().lastName}
      <br />
      {a().street}
      <br />
      {CITY_FIRST.has(a().country) ? `${city()} ${a().zip}` : `${a().zip} ${city()}`}
      <br />
      {regionName(a().country)}
    </address>
  );
}
