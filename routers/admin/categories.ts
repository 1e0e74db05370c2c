// Category management for admins. New categories go to the end of the navigation.
import type { Db } from '../../db/database.ts';
import type { Category } from '../../db/tables/catalog.ts';
import { CatalogError } from './errors.ts';
import { claimSlug, freeSlug, slugify } from './slugs.ts';

export type AdminCategory = Pick<Category, 'id' | 'slug' | 'name' | 'description'>;

export interface CategoryFields {
  name: string;
  slug?: string;
  description: string;
}

const COLUMNS = ['id', 'slug', 'name', 'description'] as const;

export async function createCategory(db: Db, fields: CategoryFields, now: number): Promise<AdminCategory> {
  return db.transaction().execute(async (trx) => {
    const slug = fields.slug
      ? await claimSlug(trx, 'categories', fields.slug)
      : await freeSlug(trx, 'categories', slugify(fields.name, 'category'));
    const { last } = await trx
      .selectFrom('categories')
      .select((eb) => eb.fn.max<number | null>('sortOrder').as('last'))
      .executeTakeFirstOrThrow();
    return trx
      .insertInto('categories')
      .values({ slug, name: fields.name, description: fields.description, sortOrder: (last ?? -1) + 1, createdAt: now })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  });
}

export async function updateCategory(db: Db, id: number, fields: Partial<CategoryFields>): Promise<AdminCategory> {
  return db.transaction().execute(async (trx) => {
    const slug = fields.slug === undefined ? undefined : await claimSlug(trx, 'categories', fields.slug, id);
    const patch = Object.fromEntries(
      Object.entries({ slug, name: fields.name, description: fields.description }).filter(([, value]) => value !== undefined),
    );
    // Nothing to change is not an error: answer with the category as it is.
    const updated = Object.keys(patch).length
      ? await trx.updateTable('categories').set(patch).where('id', '=', id).returning(COLUMNS).executeTakeFirst()
      : await trx.selectFrom('categories').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!updated) throw new CatalogError('CATEGORY_NOT_FOUND', 'There is no such category.');
    return updated;
  });
}
