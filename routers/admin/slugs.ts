// URL slugs for products and categories: derived from the name when not given, unique per table.
import type { Trx } from '../../db/database.ts';
import { CatalogError } from './errors.ts';

const MAX_BASE_LENGTH = 100;

/** "Café Crème Beans!" → "cafe-creme-beans"; falls back when nothing is left. */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

type SluggedTable = 'products' | 'categories';

async function slugOwner(trx: Trx, table: SluggedTable, slug: string): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

/** A slug chosen by the admin: refused when another row already has it. */
export async function claimSlug(trx: Trx, table: SluggedTable, slug: string, ownId?: number): Promise<string> {
  const owner = await slugOwner(trx, table, slug);
  if (owner !== undefined && owner !== ownId) {
    throw new CatalogError('SLUG_TAKEN', `The address "${slug}" is already used; choose another slug.`);
  }
  return slug;
}

/** A slug generated from a name: the first free one of base, base-2, base-3, … */
export async function freeSlug(trx: Trx, table: SluggedTable, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if ((await slugOwner(trx, table, slug)) === undefined) return slug;
  }
}
