// Full-text search over products (FTS5, kept in sync by triggers) and the stock
// adjustment ledger. The FTS table indexes every product; queries filter archived ones.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // External-content table: the text lives in products, FTS5 keeps only the index.
  // remove_diacritics 2 folds "Café" and "Jalapeño" to cafe / jalapeno; the prefix
  // indexes make "sw*" and "swe*" cheap.
  await sql`CREATE VIRTUAL TABLE products_fts USING fts5(
    name, description,
    content = 'products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  await sql`CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
  END`.execute(db);
  await sql`CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  END`.execute(db);
  await sql`CREATE TRIGGER products_fts_update AFTER UPDATE OF name, description ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO products_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
  END`.execute(db);
  // Index the products that existed before this migration.
  await sql`INSERT INTO products_fts (products_fts) VALUES ('rebuild')`.execute(db);

  // actorUserId has no foreign key on purpose: users live in another domain's table.
  await db.schema
    .createTable('stock_adjustments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('productId', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('actorUserId', 'integer', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('stockAfter', 'integer', (c) => c.notNull().check(sql`"stockAfter" >= 0`))
    .addColumn('createdAt', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_adjustments_product')
    .on('stock_adjustments')
    .columns(['productId', 'createdAt'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stock_adjustments').execute();
  await sql`DROP TRIGGER products_fts_update`.execute(db);
  await sql`DROP TRIGGER products_fts_delete`.execute(db);
  await sql`DROP TRIGGER products_fts_insert`.execute(db);
  await sql`DROP TABLE products_fts`.execute(db);
}
