import { afterAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';
import { Kysely, sql } from 'kysely';
import { healthCheck } from '../server/health.ts';
import { openDatabase } from './client.ts';
import { LibsqlDialect } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';
import { seedCatalog } from '../server/seed/catalog.ts';

const dir = mkdtempSync(join(tmpdir(), 'gomall-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An embedded database file with an empty `notes` table, opened as the shop opens it. */
async function notesDatabase(name: string) {
  const file = join(dir, name);
  const { db } = await openDatabase(`file:${file}`);
  await sql`CREATE TABLE notes (text TEXT)`.execute(db);
  return { file, db };
}

/** Another process that writes "theirs" into `notes` and holds the write lock for `ms` before committing. */
function holdWriteLock(file: string, ms: number) {
  const proc = Bun.spawn(
    [process.execPath, '-e', `
      import { createClient } from '@libsql/client';
      const client = createClient({ url: 'file:${file}' });
      const tx = await client.transaction('write');
      await tx.execute("INSERT INTO notes VALUES ('theirs')");
      console.log('locked');
      await Bun.sleep(${ms});
      await tx.commit();
    `],
    { stdout: 'pipe' },
  );
  const locked = proc.stdout.getReader().read();
  return { locked, exited: proc.exited };
}

describe('database', () => {
  it('creates the embedded file (and its folder) in WAL mode', async () => {
    const { db, embedded } = await openDatabase(`file:${join(dir, 'nested/folder/shop.db')}`);
    expect(embedded).toBe(true);
    const { rows } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    expect(rows[0]!.journal_mode).toBe('wal');
    await db.destroy();
  });

  it('lets writes and transactions wait for another process to release its write lock, instead of failing with SQLITE_BUSY', async () => {
    const { file, db } = await notesDatabase('busy.db');
    // Another process (a seed beside the running shop) holds the write lock for a moment.
    const holder = holdWriteLock(file, 400);
    await holder.locked;
    await Promise.all([
      sql`INSERT INTO notes VALUES ('ours')`.execute(db),
      db.transaction().execute((trx) => sql`INSERT INTO notes VALUES ('ours too')`.execute(trx)),
    ]);
    expect(await holder.exited).toBe(0);
    const { rows } = await sql<{ text: string }>`SELECT text FROM notes ORDER BY rowid`.execute(db);
    expect(rows.map((r) => r.text)).toEqual(['theirs', 'ours', 'ours too']);
    await db.destroy();
  });

  it('keeps answering reads while a write waits for another process to let go of the lock', async () => {
    const { file, db } = await notesDatabase('busy-reads.db');
    const holder = holdWriteLock(file, 600);
    await holder.locked;
    let written = false;
    const write = sql`INSERT INTO notes VALUES ('ours')`.execute(db).then(() => (written = true));
    // SQLite's own wait would hold the whole process (this timer included); the dialect's pauses do not.
    await Bun.sleep(100);
    const notes = db as unknown as Kysely<{ notes: { text: string } }>;
    const seen = await notes.selectFrom('notes').select('text').execute();
    expect([seen, written]).toEqual([[], false]);
    // The health check is a read too: it does not queue behind the waiting write.
    const health = await new Hono().get('/healthz', healthCheck(db)).request('/healthz');
    expect([health.status, written]).toEqual([200, false]);
    await write;
    expect(await holder.exited).toBe(0);
    expect((await sql<{ text: string }>`SELECT text FROM notes ORDER BY rowid`.execute(db)).rows.map((r) => r.text)).toEqual(['theirs', 'ours']);
    await db.destroy();
  });

  it('recovers after a write gave up on another process holding the lock: later transactions commit', async () => {
    const file = join(dir, 'busy-recovery.db');
    // No retries, so the other process outlasts the write.
    const db = new Kysely<{ notes: { text: string } }>({
      dialect: new LibsqlDialect(createClient({ url: `file:${file}`, timeout: 50 }), { busyRetryMs: 0 }),
    });
    await sql`CREATE TABLE notes (text TEXT)`.execute(db);
    const holder = holdWriteLock(file, 600);
    await holder.locked;
    await expect(db.insertInto('notes').values({ text: 'refused' }).execute()).rejects.toThrow(/SQLITE_BUSY/);
    expect(await holder.exited).toBe(0);
    await db.transaction().execute((trx) => trx.insertInto('notes').values({ text: 'in a transaction' }).execute());
    await db.insertInto('notes').values({ text: 'alone' }).execute();
    expect((await db.selectFrom('notes').select('text').execute()).map((r) => r.text)).toEqual(['theirs', 'in a transaction', 'alone']);
    await db.destroy();
  });

  it('migrates once, then reports nothing to do', async () => {
    const { db } = await openDatabase(`file:${join(dir, 'migrate.db')}`);
    expect(await migrateToLatest(db)).toContain('2026_11_25_120000_catalog');
    expect(await migrateToLatest(db)).toEqual([]);
    await db.destroy();
  });

  it('seeds a realistic catalog, and seeding again adds nothing and keeps edits', async () => {
    const { db } = await openDatabase(`file:${join(dir, 'seed.db')}`);
    await migrateToLatest(db);
    const progress: string[] = [];
    const first = await seedCatalog(db, Date.now(), (done, total) => progress.push(`${done}/${total}`));
    expect(first.products).toBeGreaterThanOrEqual(120);
    expect(progress.at(-1)).toBe(`${first.products}/${first.products}`);

    const products = await db.selectFrom('products').selectAll().execute();
    const categories = await db.selectFrom('categories').selectAll().execute();
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(products.every((p) => Number.isInteger(p.priceCents) && p.priceCents >= 100 && p.priceCents <= 50_000)).toBe(true);
    expect(Math.min(...products.map((p) => p.priceCents))).toBe(100);
    expect(Math.max(...products.map((p) => p.priceCents))).toBe(50_000);
    expect(products.filter((p) => p.stock === 0).length).toBeGreaterThan(0);
    expect(products.filter((p) => p.stock > 0 && p.stock <= 5).length).toBeGreaterThan(0);
    expect(products.every((p) => p.imageUrl.startsWith('/img/products/') && p.description.length > 40)).toBe(true);
    const uncategorised = await db
      .selectFrom('products as p')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('product_categories as pc').select('pc.productId').whereRef('pc.productId', '=', 'p.id'))),
      )
      .select('p.id')
      .execute();
    expect(uncategorised).toEqual([]);

    await db.updateTable('products').set({ priceCents: 1234 }).where('id', '=', products[0]!.id).execute();
    expect((await seedCatalog(db, Date.now())).products).toBe(0);
    expect(await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({
      n: products.length,
    });
    const edited = await db.selectFrom('products').select('priceCents').where('id', '=', products[0]!.id).executeTakeFirstOrThrow();
    expect(edited.priceCents).toBe(1234);
    await db.destroy();
  });

  it('rejects negative stock at the database', async () => {
    const { db } = await openDatabase(`file:${join(dir, 'seed.db')}`);
    await expect(db.updateTable('products').set({ stock: -1 }).where('id', '=', 1).execute()).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
