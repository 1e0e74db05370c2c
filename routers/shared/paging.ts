/** The last page a list may be asked for: far past any real catalog, and small enough that the SQL offset stays an integer. */
export const MAX_PAGE = 1_000_000;
