// Search-box suggestions: products whose name matches what was typed, by the
// same tiers as the search (word starts, word forms, inside words), falling back
// to the closest catalog words when nothing matches. Each comes with what the
// list shows: a thumbnail and the price.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchedProducts, tierExpressions } from './search-tiers.ts';
import { correctQuery } from './spelling.ts';

export const MAX_SUGGESTIONS = 8;

export interface Suggestion {
  slug: string;
  name: string;
  imageUrl: string;
  priceCents: number;
  currency: string;
}

async function suggestFor(db: Db, q: string): Promise<Suggestion[]> {
  const expressions = tierExpressions(q, 'name');
  if (!expressions) return [];
  // CROSS JOIN: driven by the full-text matches, products looked up by id.
  return db
    .with('m', () => matchedProducts(expressions))
    .selectFrom('m')
    .crossJoin('products as p')
    .whereRef('p.id', '=', 'm.id')
    .where('p.active', '=', 1)
    .select(['p.slug', 'p.name', 'p.imageUrl', 'p.priceCents', 'p.currency'])
    .orderBy(sql`m.tier`)
    .orderBy(sql`m.score`)
    .orderBy('p.name')
    .limit(MAX_SUGGESTIONS)
    .execute();
}

export async function suggestProducts(db: Db, q: string): Promise<Suggestion[]> {
  const found = await suggestFor(db, q);
  if (found.length > 0) return found;
  const corrected = await correctQuery(db, q);
  return corrected ? suggestFor(db, corrected) : [];
}
