// Spelling correction from the catalog's own words: when a search finds little,
// each word the catalog does not know is replaced by the closest catalog word
// by edit distance ("cofee" → "coffee").
//
// The vocabulary is the exact index's terms (the products_fts_vocab table), kept
// in memory per database and per process, bucketed by length so a word is only
// compared with words of nearly its length. It is reread only when the
// search_vocab_version counter (bumped by triggers on product text) has moved:
// one single-row read per correction, never a scan of the catalog per request.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { searchText, searchTokens } from './match-expression.ts';

interface Term {
  term: string;
  /** How many products hold it: the more common word wins a tie. */
  docs: number;
}

interface Vocabulary {
  version: number;
  /** Every term, sorted, to tell whether a word starts some catalog word. */
  sorted: string[];
  /** Correctable terms (letters only) by length in UTF-16 code units. */
  byLength: Map<number, Term[]>;
}

const vocabularies = new WeakMap<Db, Vocabulary>();

/** Folded as the exact index folds (unicode61 remove_diacritics 2): lower case, no accents. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How far a word may be from its correction: short words have too many neighbours to guess. */
export function maxDistance(length: number): number {
  if (length < 4) return 0;
  return length <= 5 ? 1 : 2;
}

// Three rows of the distance table, reused across calls (words are short).
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal string alignment distance: Levenshtein (insert, delete, substitute)
 * plus swapping two adjacent characters, the most common typing slip, as one
 * edit. Returns max + 1 as soon as the distance must exceed max. Compares UTF-16
 * code units: exact for every letter the catalog's languages use.
 *
 * Written here rather than taken from a package: fastest-levenshtein and most
 * others count a swap as two edits and cannot stop early at a bound, and these
 * lines keep the Worker bundle free of another dependency.
 */
export function editDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[n]!, max + 1);
}

async function vocabulary(db: Db): Promise<Vocabulary> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM search_vocab_version WHERE id = 1`.execute(db);
  const version = rows[0]?.version ?? 0;
  const cached = vocabularies.get(db);
  if (cached?.version === version) return cached;
  const terms = (await sql<{ term: string; doc: number }>`SELECT term, doc FROM products_fts_vocab`.execute(db)).rows;
  const byLength = new Map<number, Term[]>();
  for (const { term, doc } of terms) {
    if (!/^\p{L}+$/u.test(term)) continue;
    const length = term.length;
    let bucket = byLength.get(length);
    if (!bucket) byLength.set(length, (bucket = []));
    bucket.push({ term, docs: doc });
  }
  const loaded = { version, sorted: terms.map((t) => t.term).sort(), byLength };
  vocabularies.set(db, loaded);
  return loaded;
}

/** Whether some catalog word starts with the folded word (searches match word starts). */
function known(vocabulary: Vocabulary, word: string): boolean {
  const { sorted } = vocabulary;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low]!.startsWith(word);
}

interface Candidate {
  term: string;
  distance: number;
  /** 1 when the first letter differs: typing slips rarely hit the first letter. */
  otherStart: number;
  docs: number;
}

/** Negative when a is the better correction. */
function rank(a: Candidate, b: Candidate): number {
  return a.distance - b.distance || a.otherStart - b.otherStart || b.docs - a.docs || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

/** The catalog word closest to the folded word: fewest edits, then the same first letter, then the most products. */
export function closestTerm(vocabulary: Pick<Vocabulary, 'byLength'>, word: string): string | null {
  const length = word.length;
  const max = maxDistance(length);
  if (max === 0) return null;
  let best: Candidate | null = null;
  for (let l = length - max; l <= length + max; l++) {
    for (const { term, docs } of vocabulary.byLength.get(l) ?? []) {
      const distance = editDistance(word, term, best ? Math.min(max, best.distance) : max);
      if (distance > max) continue;
      const candidate = { term, distance, otherStart: term[0] === word[0] ? 0 : 1, docs };
      if (!best || rank(candidate, best) < 0) best = candidate;
    }
  }
  return best?.term ?? null;
}

/**
 * The text with every word the catalog does not know replaced by its closest
 * catalog word, or null when there is nothing to correct. Words with digits and
 * words under four letters are left as typed.
 */
export async function correctQuery(db: Db, q: string): Promise<string | null> {
  const text = searchText(q);
  const words = searchTokens(text)
    .map((t) => ({ ...t, folded: fold(t.token) }))
    .filter((t) => !/\p{N}/u.test(t.folded) && maxDistance(t.folded.length) > 0);
  if (words.length === 0) return null;
  const vocab = await vocabulary(db);
  let corrected = '';
  let from = 0;
  for (const { token, index, folded } of words) {
    if (known(vocab, folded)) continue;
    const replacement = closestTerm(vocab, folded);
    if (!replacement) continue;
    corrected += text.slice(from, index) + replacement;
    from = index + token.length;
  }
  return from === 0 ? null : corrected + text.slice(from);
}
