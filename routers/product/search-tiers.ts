// The three full-text indexes a search runs over, best first, and the SQL that
// merges their matches: each product counts once, at the best tier it reached,
// ranked there by its bm25 score in that tier's index. Every tier is an FTS5
// MATCH, so every search is driven by an index, never a scan of the products.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchExpression, trigramExpression } from './match-expression.ts';

/** A name match counts this many times a description match. */
export const NAME_WEIGHT = 10;

/** Exact words (as prefixes), then other forms of the words, then text inside words. */
const TIERS = [
  // unicode61, case- and accent-folded: "sweat" finds "Sweatshirt" (catalog_search migration).
  { table: 'products_fts', expression: matchExpression },
  // porter stems: "mugs" finds "Mug", "kettles" finds "Kettle".
  { table: 'products_stem', expression: matchExpression },
  // trigrams: "wool" finds "Lambswool" (search_forgiving migration).
  { table: 'products_trigram', expression: trigramExpression },
] as const;

/** One MATCH expression per tier (null: the tier cannot search this text). */
export type TierExpressions = (string | null)[];

/** The expressions for the text, or null when nothing in it is searchable. */
export function tierExpressions(text: string, column?: 'name' | 'description'): TierExpressions | null {
  const expressions = TIERS.map((tier) => tier.expression(text, column));
  return expressions[0] === null ? null : expressions;
}

/**
 * A parenthesized SELECT (a common table expression's body) of `(id, tier,
 * score)` for every product any tier matches (archived ones too:
 * callers join products and filter), one row per product with its best tier and
 * that tier's bm25 score (lower is better).
 */
export function matchedProducts(expressions: TierExpressions): RawBuilder<{ id: number; tier: number; score: number }> {
  const parts = TIERS.flatMap(({ table }, tier) => {
    const expression = expressions[tier];
    if (expression == null) return [];
    const t = sql.table(table);
    return [sql`SELECT rowid AS id, ${sql.lit(tier)} AS tier, bm25(${t}, ${NAME_WEIGHT}, 1.0) AS score FROM ${t} WHERE ${t} MATCH ${expression}`];
  });
  // With one min() in an aggregate, SQLite takes the bare column (score) from the
  // row holding the minimum: the score at the product's best tier.
  return sql`(SELECT id, min(tier) AS tier, score FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY id)`;
}

/** Tokens in a snippet: a trigram token is about one character of text, so that tier needs more. */
const SNIPPET_TOKENS = [16, 16, 64];

export interface Marks {
  open: string;
  close: string;
  ellipsis: string;
}

/**
 * For products already matched (their id and the tier they matched at): the
 * name with the matched text between `open` and `close`, and a passage of the
 * description marked the same way, each from the index of the product's tier.
 * One statement, meant for the rows of one page. `+rowid` keeps the ids from
 * being handed to FTS5 as lookups (each would rerun the whole MATCH): the MATCH
 * runs once per tier and only the page's rows are marked.
 */
export async function markedText(
  db: Db,
  expressions: TierExpressions,
  rows: { id: number; tier: number }[],
  { open, close, ellipsis }: Marks,
): Promise<Map<number, { name: string; snippet: string }>> {
  const parts = TIERS.flatMap(({ table }, tier) => {
    const expression = expressions[tier];
    const ids = rows.filter((row) => row.tier === tier).map((row) => row.id);
    if (expression == null || ids.length === 0) return [];
    const t = sql.table(table);
    return [
      sql`SELECT rowid AS id, highlight(${t}, 0, ${open}, ${close}) AS name, snippet(${t}, 1, ${open}, ${close}, ${ellipsis}, ${sql.lit(SNIPPET_TOKENS[tier])}) AS snippet
        FROM ${t} WHERE ${t} MATCH ${expression} AND +rowid IN (${sql.join(ids)})`,
    ];
  });
  if (parts.length === 0) return new Map();
  const { rows: marked } = await sql<{ id: number; name: string; snippet: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return new Map(marked.map(({ id, ...text }) => [id, text]));
}
