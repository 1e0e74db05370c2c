// Turns what a shopper typed into FTS5 MATCH expressions that can never be a
// syntax error: every word becomes a quoted phrase, so operators (AND, NEAR, -,
// *, parentheses, quotes) are only ever literal words.

/** Words beyond this are ignored: they add nothing to a product search but cost. */
const MAX_SEARCH_WORDS = 12;

// A word counts only if FTS5's unicode61 tokenizer would index part of it
// (letters or digits); pure punctuation or emoji would be an empty phrase.
const INDEXABLE = /[\p{L}\p{N}]/u;

/**
 * The runs of characters unicode61 keeps inside one token (letters, digits,
 * combining marks, private use); everything else (spaces, punctuation, symbols)
 * separates tokens.
 */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** The trigram index finds nothing for a phrase shorter than this. */
export const TRIGRAM_MIN_LENGTH = 3;
/** No catalog text holds a word this long; such a token could only cost (every trigram of it is looked up). */
const TRIGRAM_MAX_LENGTH = 64;

function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    // Control characters (NUL included) make the SQLite driver fail; they are never words.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => INDEXABLE.test(word))
    .slice(0, MAX_SEARCH_WORDS);
}

/** `"word"` with inner quotes doubled, as FTS5 string literals escape them. */
function phrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * All words must match (FTS5's implicit AND), each as a prefix. Returns null when
 * nothing in the text is searchable. `column` restricts every word to one column.
 * The same expression serves the exact index and the stemmed one (whose tokenizer
 * reduces each phrase to its stem before matching).
 */
export function matchExpression(text: string, column?: 'name' | 'description'): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((word) => (column ? `${column} : ${phrase(word)}*` : `${phrase(word)}*`)).join(' ');
}

/** The searchable part of the text: its words (as matchExpression reads them) joined by single spaces. */
export function searchText(text: string): string {
  return searchWords(text).join(' ');
}

/**
 * The tokens of a searchText as unicode61 splits them (what the exact index and
 * its vocabulary hold), in order, with where each starts.
 */
export function searchTokens(text: string): { token: string; index: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ token: m[0], index: m.index }));
}

/**
 * The expression for the trigram index: every token of three or more characters
 * must occur somewhere in the text, inside words too ("wool" in "Lambswool").
 * Shorter tokens are left out, as the trigram index cannot find them: this tier
 * matches on the longer words alone ("t shirt" finds every shirt). Null when no
 * token is long enough, or one is too long to be inside any word.
 */
export function trigramExpression(text: string, column?: 'name' | 'description'): string | null {
  const tokens = searchTokens(searchText(text))
    .map(({ token }) => token)
    .filter((token) => [...token].length >= TRIGRAM_MIN_LENGTH);
  if (tokens.length === 0 || tokens.some((token) => token.length > TRIGRAM_MAX_LENGTH)) return null;
  return tokens.map((token) => (column ? `${column} : ${phrase(token)}` : phrase(token))).join(' ');
}
