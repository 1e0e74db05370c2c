/** How long a shopper has to send something back, counted from delivery: one number for every page that promises it. */
export const RETURN_DAYS = 30;
