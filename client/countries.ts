// Country names in English for the codes the shop ships to, and the country picker's options.
import { COUNTRY_CODES } from '../routers/shared/countries.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export const regionName = (code: string) => regionNames.of(code) ?? code;

/** Options for a country select, sorted by name. */
export const COUNTRIES = COUNTRY_CODES.map((code) => ({ value: code, label: regionName(code) })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
