// Which addresses a product picture may have, checked by the admin API and previewed by
// the edit page alike: a picture on this site ("/img/…") or on an https host; never
// javascript: or data: URLs.
export const IMAGE_URL_PATTERN = /^(\/(?!\/)|https:\/\/)\S+$/;
export const IMAGE_URL_RULE = 'must be a path starting with / or an https:// address';
