// GoMall's mark, a smiling shopping bag on a teal tile: drawn once here for the header
// logo (header and footer: no ids inside, so it can show twice) and for the favicon and app icons (server/brand-icons.ts writes them to public/).
export const BRAND_MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  '<rect width="64" height="64" rx="15" fill="#0f766e"/>' +
  '<path d="M24 25v-4a8 8 0 0 1 16 0v4" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"/>' +
  '<path d="M15.5 24.5h33l-2.4 24.8a4.5 4.5 0 0 1-4.5 4.2H22.4a4.5 4.5 0 0 1-4.5-4.2z" fill="#fff"/>' +
  '<path d="M25.5 35.5a6.5 6.5 0 0 0 13 0" fill="none" stroke="#0f766e" stroke-width="3.6" stroke-linecap="round"/>' +
  '<circle cx="47" cy="15" r="4.5" fill="#fb923c"/>' +
  '</svg>';
