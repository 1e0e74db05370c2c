// Catalog versions for the read caches (routers/product/catalog-cache.ts): one row
// whose counters triggers move on every change a shopper could see in the catalog,
// whoever makes it (admin edits, checkout, cancellations, refunds, the seed, another
// process). `version` moves on every such change; `structure` only when more than
// stock changed (names, prices, archive, categories…), so caches of what does not
// show stock (category counts, search suggestions) outlive a sale.
//
// Also indexes for the catalog's sort orders (routers/product/sort-order.ts), so a
// page of a large catalog is read in order instead of sorting every product.
import { sql, type Kysely } from 'kysely';

/** Everything but the stock (and the bookkeeping updatedAt) that a catalog read shows or sorts by. */
const STRUCTURE_COLUMNS = ['slug', 'name', 'description', 'priceCents', 'currency', 'imageUrl', 'active', 'featured', 'featuredAt', 'createdAt'];

const bump = (structure: string) => sql.raw(`UPDATE catalog_version SET version = version + 1, structure = structure + (${structure}) WHERE id = 1;`);

const TRIGGERS = {
  catalog_version_products_insert: sql`AFTER INSERT ON products BEGIN ${bump('1')} END`,
  catalog_version_products_delete: sql`AFTER DELETE ON products BEGIN ${bump('1')} END`,
  catalog_version_products_update: sql`AFTER UPDATE ON products BEGIN ${bump(
    `CASE WHEN ${STRUCTURE_COLUMNS.map((c) => `old."${c}" IS new."${c}"`).join(' AND ')} THEN 0 ELSE 1 END`,
  )} END`,
  catalog_version_product_categories_insert: sql`AFTER INSERT ON product_categories BEGIN ${bump('1')} END`,
  catalog_version_product_categories_delete: sql`AFTER DELETE ON product_categories BEGIN ${bump('1')} END`,
  catalog_version_product_categories_update: sql`AFTER UPDATE ON product_categories BEGIN ${bump('1')} END`,
  catalog_version_categories_insert: sql`AFTER INSERT ON categories BEGIN ${bump('1')} END`,
  catalog_version_categories_delete: sql`AFTER DELETE ON categories BEGIN ${bump('1')} END`,
  catalog_version_categories_update: sql`AFTER UPDATE ON categories BEGIN ${bump('1')} END`,
};

const INDEXES = {
  // featured: featured first, in stock first, most recently featured first (nulls last), then id.
  products_active_featured: sql`products (active, featured DESC, (stock > 0) DESC, "featuredAt" DESC, id)`,
  products_active_price: sql`products (active, "priceCents", id)`,
  products_active_price_desc: sql`products (active, "priceCents" DESC, id)`,
  products_active_name: sql`products (active, name, id)`,
  // "Is product N active?" answered from the index, without reading the (wide) product row:
  // category counts and category pages check it for every product of a category.
  products_id_active: sql`products (id, active)`,
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE catalog_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    structure INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT INTO catalog_version (id, version, structure) VALUES (1, 1, 1)`.execute(db);
  for (const [name, body] of Object.entries(TRIGGERS)) await sql`CREATE TRIGGER ${sql.id(name)} ${body}`.execute(db);
  for (const [name, on] of Object.entries(INDEXES)) await sql`CREATE INDEX ${sql.id(name)} ON ${on}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await sql`DROP INDEX ${sql.id(name)}`.execute(db);
  for (const name of Object.keys(TRIGGERS)) await sql`DROP TRIGGER ${sql.id(name)}`.execute(db);
  await sql`DROP TABLE catalog_version`.execute(db);
}
