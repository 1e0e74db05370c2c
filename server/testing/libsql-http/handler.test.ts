// The libSQL HTTP stand-in, driven by the official web client (what the Worker uses).
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client, type IntMode } from '@libsql/client/web';
import { Kysely, sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { LibsqlDialect } from '../../../db/dialect.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { seedCatalog } from '../../seed/catalog.ts';
import { createLibsqlHttpHandler } from './handler.ts';

const dir = mkdtempSync(join(tmpdir(), 'gomall-libsql-http-'));
const handler = createLibsqlHttpHandler({ path: join(dir, 'remote.db'), streamIdleMs: 2_000 });
let server: ReturnType<typeof Bun.serve>;
let client: Client;

beforeAll(async () => {
  server = Bun.serve({ port: 0, fetch: (req) => handler.handle(req) });
  client = createClient({ url: `http://127.0.0.1:${server.port}`, authToken: 'any' });
  await client.execute('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, data BLOB, big INTEGER)');
});
afterAll(async () => {
  client.close();
  await server.stop(true);
  handler.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('libSQL over HTTP (stand-in)', () => {
  it('executes statements with positional and named arguments, and every value type', async () => {
    const blob = new Uint8Array([0, 1, 2, 250]);
    const inserted = await client.execute({ sql: 'INSERT INTO items (name, price, data, big) VALUES (?, ?, ?, ?)', args: ['tea', 2.5, blob, 9007199254740991n] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);
    await client.execute({ sql: 'INSERT INTO items (name, price) VALUES (:name, $price)', args: { name: 'coffee', price: 3 } });
    const rs = await client.execute('SELECT id, name, price, data, big FROM items ORDER BY id');
    expect(rs.columns).toEqual(['id', 'name', 'price', 'data', 'big']);
    expect(rs.rows[0]).toMatchObject({ id: 1, name: 'tea', price: 2.5, big: 9007199254740991 });
    expect(new Uint8Array(rs.rows[0]!.data as ArrayBuffer)).toEqual(blob);
    expect(rs.rows[1]).toMatchObject({ name: 'coffee', price: 3, data: null });
  });

  it('reports constraint errors with the SQLITE_CONSTRAINT code', async () => {
    await expect(client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['tea'] })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
  });

  it('runs a write batch atomically: one failing statement rolls the whole batch back', async () => {
    await client.batch([{ sql: 'INSERT INTO items (name) VALUES (?)', args: ['a'] }, { sql: 'INSERT INTO items (name) VALUES (?)', args: ['b'] }], 'write');
    await expect(
      client.batch([{ sql: 'INSERT INTO items (name) VALUES (?)', args: ['c'] }, { sql: 'INSERT INTO items (name) VALUES (?)', args: ['a'] }], 'write'),
    ).rejects.toThrow();
    const names = (await client.execute("SELECT name FROM items WHERE name IN ('a','b','c') ORDER BY name")).rows.map((r) => r.name);
    expect(names).toEqual(['a', 'b']);
  });

  it('keeps an interactive transaction on one stream until commit or rollback', async () => {
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['pending'] });
    expect((await tx.execute("SELECT count(*) AS n FROM items WHERE name = 'pending'")).rows[0]!.n).toBe(1);
    await tx.rollback();
    expect((await client.execute("SELECT count(*) AS n FROM items WHERE name = 'pending'")).rows[0]!.n).toBe(0);

    const tx2 = await client.transaction('write');
    await tx2.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['kept'] });
    await tx2.commit();
    expect((await client.execute("SELECT count(*) AS n FROM items WHERE name = 'kept'")).rows[0]!.n).toBe(1);
  });

  it('runs scripts with executeMultiple', async () => {
    await client.executeMultiple("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x'); INSERT INTO notes VALUES ('y');");
    expect((await client.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n).toBe(2);
  });

  it('serves many concurrent writers without SQLITE_BUSY, transactions included', async () => {
    await client.execute('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await client.execute('INSERT INTO counter VALUES (1, 0)');
    await Promise.all([
      ...Array.from({ length: 25 }, () => client.execute('UPDATE counter SET n = n + 1 WHERE id = 1')),
      ...Array.from({ length: 25 }, async () => {
        const tx = await client.transaction('write');
        const { n } = (await tx.execute('SELECT n FROM counter WHERE id = 1')).rows[0] as unknown as { n: number };
        await tx.execute({ sql: 'UPDATE counter SET n = ? WHERE id = 1', args: [n + 1] });
        await tx.commit();
      }),
    ]);
    expect((await client.execute('SELECT n FROM counter')).rows[0]!.n).toBe(50);
  });

  it('refuses malformed pipeline bodies with a 400 and stays usable', async () => {
    for (const body of ['{}', '{"requests":[null]}', '{"requests":"x"}', 'not json']) {
      const res = await fetch(`http://127.0.0.1:${server.port}/v2/pipeline`, { method: 'POST', body });
      expect(res.status).toBe(400);
    }
    expect((await client.execute('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  });

  it('rolls back a transaction left idle, and gives its lock back', async () => {
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['abandoned'] });
    // The stand-in was made with streamIdleMs 2000: the abandoned transaction ends by
    // itself, and the next writer (waiting for the lock until then) goes through.
    await client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['after'] });
    expect((await client.execute("SELECT count(*) AS n FROM items WHERE name = 'abandoned'")).rows[0]!.n).toBe(0);
    expect((await client.execute("SELECT count(*) AS n FROM items WHERE name = 'after'")).rows[0]!.n).toBe(1);
    tx.close();
  });

  it('refuses an unknown baton with a 400 and a JSON error', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/v2/pipeline`, {
      method: 'POST',
      body: JSON.stringify({ baton: 'nope', requests: [{ type: 'close' }] }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  it("carries the shop's own schema, seed and Kysely queries (our dialect over the web client)", async () => {
    const db = new Kysely<Database>({ dialect: new LibsqlDialect(createClient({ url: `http://127.0.0.1:${server.port}` })) });
    expect(await migrateToLatest(db)).toContain('2026_11_25_120000_catalog');
    const { products } = await seedCatalog(db, Date.now());
    expect(products).toBeGreaterThanOrEqual(120);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH ${'"sweat"*'}`.execute(db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
    await db.destroy();
  });

  it('is what a remote DATABASE_URL (http:) reaches: the shop boots on it after db:migrate and seed', async () => {
    // Only what the scripts need: an ADMIN_EMAIL or SESSION_SECRET of the caller's must not change the outcome.
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: `http://127.0.0.1:${server.port}`, DATABASE_AUTH_TOKEN: 'token' };
    for (const script of ['server/migrate-cli.ts', 'server/seed/cli.ts']) {
      const proc = Bun.spawn([process.execPath, script], { env, stdout: 'ignore', stderr: 'pipe' });
      const [code, stderr] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
      // The error output shows in the failure message when a script fails.
      expect({ script, code, ...(code ? { stderr } : {}) }).toEqual({ script, code: 0 });
    }
    const { openDatabase } = await import('../../../db/client.ts');
    const { db, embedded } = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
    expect(embedded).toBe(false);
    const admin = await db.selectFrom('users').select('role').where('email', '=', 'admin@gomall.local').executeTakeFirst();
    expect(admin?.role).toBe('admin');
    await db.destroy();
  });
});

describe('numbers over HTTP (stand-in), as the official client reads them', () => {
  // REALs stay floats whatever their value, integers follow the client's intMode.
  const floats = [0, -0.5, -1234.25, 1e18, -1e18, 2 ** 53 + 2, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324];
  const when = new Date('2026-05-04T03:02:01.123Z');
  const whole = new Date('2026-05-04T00:00:00.000Z');
  const ints: Record<IntMode, (n: bigint) => number | bigint | string> = { number: Number, bigint: (n) => n, string: String };

  beforeAll(async () => {
    await client.execute('CREATE TABLE numbers (id INTEGER PRIMARY KEY, r REAL, any_ BLOB, i INTEGER)');
    for (const [id, value] of floats.entries()) await client.execute({ sql: 'INSERT INTO numbers (id, r, any_) VALUES (?, ?, ?)', args: [id + 1, value, value] });
    await client.execute({ sql: 'INSERT INTO numbers (id, r, any_, i) VALUES (100, ?, ?, ?)', args: [when, whole, 9007199254740993n] });
  });

  for (const intMode of ['number', 'bigint', 'string'] as const) {
    describe(`with intMode "${intMode}"`, () => {
      let typed: Client;
      beforeAll(() => {
        typed = createClient({ url: `http://127.0.0.1:${server.port}`, intMode });
      });
      afterAll(() => typed.close());

      it('reads zero, negative, huge and maximal REALs back as the same JavaScript numbers', async () => {
        const { rows } = await typed.execute('SELECT r, any_, typeof(r) AS tr, typeof(any_) AS ta FROM numbers WHERE id <= ? ORDER BY id', [floats.length]);
        expect(rows.map((row) => row.r)).toEqual(floats);
        expect(rows.map((row) => row.any_)).toEqual(floats);
        expect(new Set(rows.flatMap((row) => [row.tr, row.ta]))).toEqual(new Set(['real']));
        // Object.is tells -0 from 0, so check the plain zero came back as a number, not a string or bigint.
        expect(typeof rows[0]!.r).toBe('number');
      });

      it('reads REALs computed by SQL, whole or not, as numbers', async () => {
        const { rows } = await typed.execute('SELECT 0.0 AS zero, 1e18 AS big, -2.0 AS neg, 1.7976931348623157e308 AS max, 0.1 + 0.2 AS sum');
        expect({ ...rows[0] }).toEqual({ zero: 0, big: 1e18, neg: -2, max: 1.7976931348623157e308, sum: 0.1 + 0.2 });
      });

      it('gives a Date back as its milliseconds (a REAL), fractional second or not', async () => {
        const row = (await typed.execute('SELECT r, any_ FROM numbers WHERE id = 100')).rows[0]!;
        expect(row.r).toBe(when.getTime());
        expect(row.any_).toBe(whole.getTime());
        expect(new Date(row.any_ as number)).toEqual(whole);
      });

      it('reads INTEGERs, beyond 2^53 included, as the intMode says', async () => {
        const row = (await typed.execute('SELECT id, 0 AS zero, -7 AS neg FROM numbers WHERE id = 100')).rows[0]!;
        expect([row.id, row.zero, row.neg]).toEqual([ints[intMode](100n), ints[intMode](0n), ints[intMode](-7n)]);
        if (intMode === 'number') {
          await expect(typed.execute('SELECT i FROM numbers WHERE id = 100')).rejects.toThrow(RangeError);
        } else {
          expect((await typed.execute('SELECT i FROM numbers WHERE id = 100')).rows[0]!.i).toEqual(ints[intMode](9007199254740993n));
        }
      });
    });
  }
});
