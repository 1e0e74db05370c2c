// Search that forgives: two more FTS5 indexes over the products beside the exact
// one (catalog_search), a vocabulary view for spelling corrections and a counter
// that says when that vocabulary changed. All kept in sync by triggers.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Word forms: the porter stemmer over the same folding as products_fts, so
  // "mugs", "kettles" and "Coffees" meet "Mug", "Kettle" and "Coffee".
  await sql`CREATE VIRTUAL TABLE products_stem USING fts5(
    name, description,
    content = 'products', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  // Inside words: every three-character run is indexed, so "wool" finds "Lambswool".
  // (remove_diacritics 1 is the trigram tokenizer's only folding option.)
  await sql`CREATE VIRTUAL TABLE products_trigram USING fts5(
    name, description,
    content = 'products', content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1'
  )`.execute(db);
  // The exact index's terms (folded words) and how many products hold each:
  // the vocabulary spelling corrections are drawn from.
  await sql`CREATE VIRTUAL TABLE products_fts_vocab USING fts5vocab(products_fts, 'row')`.execute(db);
  // Bumped whenever product text changes, so a process can keep the vocabulary
  // in memory and reread it only when this number moves (one row, one read).
  await sql`CREATE TABLE search_vocab_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT INTO search_vocab_version (id, version) VALUES (1, 1)`.execute(db);

  await sql`CREATE TRIGGER products_search_forgiving_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_stem (rowid, name, description) VALUES (new.id, new.name, new.description);
    INSERT INTO products_trigram (rowid, name, description) VALUES (new.id, new.name, new.description);
    UPDATE search_vocab_version SET version = version + 1 WHERE id = 1;
  END`.execute(db);
  await sql`CREATE TRIGGER products_search_forgiving_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_stem (products_stem, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO products_trigram (products_trigram, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    UPDATE search_vocab_version SET version = version + 1 WHERE id = 1;
  END`.execute(db);
  await sql`CREATE TRIGGER products_search_forgiving_update AFTER UPDATE OF name, description ON products BEGIN
    INSERT INTO products_stem (products_stem, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO products_stem (rowid, name, description) VALUES (new.id, new.name, new.description);
    INSERT INTO products_trigram (products_trigram, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO products_trigram (rowid, name, description) VALUES (new.id, new.name, new.description);
    UPDATE search_vocab_version SET version = version + 1 WHERE id = 1;
  END`.execute(db);
  // Index the products that existed before this migration.
  await sql`INSERT INTO products_stem (products_stem) VALUES ('rebuild')`.execute(db);
  await sql`INSERT INTO products_trigram (products_trigram) VALUES ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER products_search_forgiving_update`.execute(db);
  await sql`DROP TRIGGER products_search_forgiving_delete`.execute(db);
  await sql`DROP TRIGGER products_search_forgiving_insert`.execute(db);
  await sql`DROP TABLE search_vocab_version`.execute(db);
  await sql`DROP TABLE products_fts_vocab`.execute(db);
  await sql`DROP TABLE products_trigram`.execute(db);
  await sql`DROP TABLE products_stem`.execute(db);
}
