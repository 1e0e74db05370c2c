// Product management for admins: create, edit, archive and list, archived products included.
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { productCategories } from '../product/detail.ts';
import { productImagePath } from '../product/image-path.ts';
import { matchExpression } from '../product/match-expression.ts';
import { stockStatus, type ProductSummary } from '../product/queries.ts';
import type { Paged } from '../shared/schemas.ts';
import type { AdminProductSort, SortDirection } from '../shared/sorting.ts';
import { CatalogError } from './errors.ts';
import { claimSlug, freeSlug, slugify } from './slugs.ts';
import { recordAdjustment, type StockChange } from './stock.ts';

export interface ProductFields {
  name: string;
  slug?: string;
  description: string;
  priceCents: number;
  /** Category slugs; the first is the primary one. */
  categories: string[];
  imageUrl?: string;
  active: boolean;
  featured: boolean;
}

export interface AdminProductRow extends ProductSummary {
  active: boolean;
  updatedAt: number;
}

export interface AdminProduct extends AdminProductRow {
  description: string;
  featured: boolean;
  categories: { slug: string; name: string }[];
  createdAt: number;
}

const ROW_COLUMNS = ['id', 'slug', 'name', 'priceCents', 'currency', 'imageUrl', 'stock', 'active', 'updatedAt'] as const;

// A transaction is a Db too: callers pass trx inside one.
export async function getAdminProduct(db: Db, id: number, lowStockThreshold: number): Promise<AdminProduct> {
  const row = await db
    .selectFrom('products')
    .select([...ROW_COLUMNS, 'description', 'featured', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new CatalogError('PRODUCT_NOT_FOUND', 'There is no such product.');
  return {
    ...row,
    active: row.active === 1,
    featured: row.featured === 1,
    stockStatus: stockStatus(row.stock, lowStockThreshold),
    categories: await productCategories(db, id),
  };
}

async function categoryIds(trx: Trx, slugs: string[]): Promise<number[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const rows = await trx.selectFrom('categories').select(['id', 'slug']).where('slug', 'in', unique).execute();
  const missing = unique.find((slug) => !rows.some((r) => r.slug === slug));
  if (missing) throw new CatalogError('CATEGORY_NOT_FOUND', `There is no category "${missing}".`);
  return unique.map((slug) => rows.find((r) => r.slug === slug)!.id);
}

async function setCategories(trx: Trx, productId: number, slugs: string[]): Promise<void> {
  const ids = await categoryIds(trx, slugs);
  await trx.deleteFrom('product_categories').where('productId', '=', productId).execute();
  if (ids.length) await trx.insertInto('product_categories').values(ids.map((categoryId) => ({ productId, categoryId }))).execute();
}

export async function createProduct(
  db: Db,
  fields: ProductFields & { stock: number },
  change: StockChange,
  lowStockThreshold: number,
): Promise<AdminProduct> {
  return db.transaction().execute(async (trx) => {
    const slug = fields.slug
      ? await claimSlug(trx, 'products', fields.slug)
      : await freeSlug(trx, 'products', slugify(fields.name, 'product'));
    const { id } = await trx
      .insertInto('products')
      .values({
        slug,
        name: fields.name,
        description: fields.description,
        priceCents: fields.priceCents,
        stock: fields.stock,
        imageUrl: fields.imageUrl ?? productImagePath(slug),
        active: fields.active ? 1 : 0,
        featured: fields.featured ? 1 : 0,
        featuredAt: fields.featured ? change.now : null,
        createdAt: change.now,
        updatedAt: change.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setCategories(trx, id, fields.categories);
    if (fields.stock > 0) await recordAdjustment(trx, id, fields.stock, fields.stock, change);
    return getAdminProduct(trx, id, lowStockThreshold);
  });
}

export async function updateProduct(
  db: Db,
  id: number,
  fields: Partial<ProductFields>,
  now: number,
  lowStockThreshold: number,
): Promise<AdminProduct> {
  return db.transaction().execute(async (trx) => {
    const current = await getAdminProduct(trx, id, lowStockThreshold);
    const slug = fields.slug === undefined ? current.slug : await claimSlug(trx, 'products', fields.slug, id);
    // A generated picture follows its slug; a picture the admin chose stays.
    const generatedImage = current.imageUrl === productImagePath(current.slug);
    const imageUrl = fields.imageUrl ?? (generatedImage ? productImagePath(slug) : current.imageUrl);
    await trx
      .updateTable('products')
      .set({
        slug,
        imageUrl,
        name: fields.name,
        description: fields.description,
        priceCents: fields.priceCents,
        active: fields.active === undefined ? undefined : fields.active ? 1 : 0,
        featured: fields.featured === undefined ? undefined : fields.featured ? 1 : 0,
        // Dated when it becomes featured (the edit form sends the box on every save).
        featuredAt: fields.featured === undefined || (fields.featured && current.featured) ? undefined : fields.featured ? now : null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    if (fields.categories) await setCategories(trx, id, fields.categories);
    return getAdminProduct(trx, id, lowStockThreshold);
  });
}

export interface AdminListOptions {
  q?: string;
  includeArchived: boolean;
  lowStock: boolean;
  /** The column to order by; by name, or by stock for the low-stock list, when absent. */
  sort?: AdminProductSort;
  dir?: SortDirection;
  page: number;
  pageSize: number;
  lowStockThreshold: number;
}

/** The column each sort orders by: a fixed list, so nothing from the request reaches the SQL. */
const ADMIN_ORDER = {
  name: 'p.name',
  price: 'p.priceCents',
  stock: 'p.stock',
  status: 'p.active',
  updated: 'p.updatedAt',
} as const satisfies Record<AdminProductSort, `p.${(typeof ROW_COLUMNS)[number]}`>;

export async function listAdminProducts(db: Db, opts: AdminListOptions): Promise<Paged<AdminProductRow>> {
  let base = db.selectFrom('products as p');
  if (!opts.includeArchived) base = base.where('p.active', '=', 1);
  if (opts.lowStock) base = base.where('p.stock', '<=', opts.lowStockThreshold);
  if (opts.q?.trim()) {
    const match = matchExpression(opts.q);
    if (!match) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
    base = base.where(sql<boolean>`p.id in (select rowid from products_fts where products_fts match ${match})`);
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sort = opts.sort ?? (opts.lowStock ? 'stock' : 'name');
  const rows = await base
    .select(ROW_COLUMNS.map((c) => `p.${c}` as const))
    .orderBy(ADMIN_ORDER[sort], opts.dir ?? 'asc')
    // Equal values (same price, stock or status) by name, then id: pages never overlap or skip a row.
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows.map((row) => ({ ...row, active: row.active === 1, stockStatus: stockStatus(row.stock, opts.lowStockThreshold) })),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
