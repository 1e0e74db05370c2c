// Turns what a shopper typed into an FTS5 MATCH expression that can never be a
// syntax error: every word becomes a quoted phrase with a prefix star, so
// operators (AND, NEAR, -, *, parentheses, quotes) are only ever literal words.

/** Words beyond this are ignored: they add nothing to a product search but cost. */
const MAX_SEARCH_WORDS = 12;

// A word counts only if FTS5's unicode61 tokenizer would index part of it
// (letters or digits); pure punctuation or emoji would be an empty phrase.
const INDEXABLE = /[\p{L}\p{N}]/u;

function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    // Control characters (NUL included) make the SQLite driver fail; they are never words.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => INDEXABLE.test(word))
    .slice(0, MAX_SEARCH_WORDS);
}

/** `"word"*` with inner quotes doubled, as FTS5 string literals escape them. */
function prefixPhrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"*`;
}

/**
 * All words must match (FTS5's implicit AND), each as a prefix. Returns null when
 * nothing in the text is searchable. `column` restricts every word to one column.
 */
export function matchExpression(text: string, column?: 'name' | 'description'): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((word) => (column ? `${column} : ${prefixPhrase(word)}` : prefixPhrase(word))).join(' ');
}
