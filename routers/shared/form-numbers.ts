// Numbers typed into plain HTML forms, read the same way by the browser's forms and
// the server's form routes. Number() alone would take "0x1", "1e1" or "2.0".
/**
 * A whole number as typed, in plain decimal digits; anything else ("0x1", "1e1", "1.5")
 * is NaN, which the procedure refuses as "must be a number".
 */
export const wholeNumber = (text = '') => (/^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN);
