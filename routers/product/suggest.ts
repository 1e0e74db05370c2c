// Search-box suggestions: products whose name has words starting with what was typed.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchExpression } from './match-expression.ts';

export const MAX_SUGGESTIONS = 8;

export interface Suggestion {
  slug: string;
  name: string;
}

export async function suggestProducts(db: Db, q: string): Promise<Suggestion[]> {
  const match = matchExpression(q, 'name');
  if (!match) return [];
  return db
    .selectFrom('products_fts')
    .innerJoin('products as p', 'p.id', 'products_fts.rowid')
    .where('p.active', '=', 1)
    .where(sql<boolean>`products_fts match ${match}`)
    .select(['p.slug', 'p.name'])
    .orderBy(sql`bm25(products_fts)`)
    .orderBy('p.name')
    .limit(MAX_SUGGESTIONS)
    .execute();
}
