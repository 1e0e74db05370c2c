// One shopping cart as a Durable Object (one object per cart id), its lines in
// the object's own SQLite. Each method runs synchronously inside the object, so
// concurrent calls on one cart are serialised and never lose an update.
import type { DurableObjectState } from '@cloudflare/workers-types';
import { DurableObject } from 'cloudflare:workers';
import { mergeChanges } from '../routers/cart/merge-rule.ts';
import type { CartLimits, CartLine, CartWrite } from '../routers/ports.ts';
import type { Env } from './env.ts';

/** The lines a merge moves, with the cart version they were read at. */
export interface CartSnapshot {
  lines: CartLine[];
  version: number;
}

/** MergeLimits in a form that crosses RPC as plain data. */
export interface AbsorbLimits {
  maxQuantity: [productId: number, cap: number][];
  maxLines: number;
}

export class CartObject extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // `position` keeps the order lines were first added; the upsert keeps it.
    // `version` counts writes, so a merge can tell which snapshot it already moved.
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS lines (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        productId INTEGER NOT NULL UNIQUE,
        quantity INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS absorbed (fromCartId TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, lines TEXT NOT NULL);
    `);
  }

  get(): CartLine[] {
    return this.ctx.storage.sql.exec<{ productId: number; quantity: number }>('SELECT productId, quantity FROM lines ORDER BY position').toArray().map(plain);
  }

  add(productId: number, quantity: number, limits: CartLimits): CartWrite {
    return this.#upsert(productId, quantity, limits, (existing) => Math.min(existing + quantity, limits.maxQuantity));
  }

  setQuantity(productId: number, quantity: number, limits: CartLimits): CartWrite {
    if (quantity > 0) return this.#upsert(productId, quantity, limits, () => Math.min(quantity, limits.maxQuantity));
    this.#delete(productId);
    return { ok: true, line: { productId, quantity: 0 } };
  }

  remove(productId: number): CartLine[] {
    this.#delete(productId);
    return this.get();
  }

  clear(): void {
    this.ctx.storage.transactionSync(() => {
      if (this.ctx.storage.sql.exec('DELETE FROM lines').rowsWritten) this.#bump();
    });
  }

  /**
   * The lines a merge is about to move out of this (guest) cart. Until that merge
   * releases them, every merge gets this same snapshot, even if the cart changed
   * meanwhile: the user cart may have absorbed it already, and a fresh snapshot
   * would count those lines twice. Lines added since move with the next snapshot.
   */
  snapshot(): CartSnapshot {
    const sql = this.ctx.storage.sql;
    return this.ctx.storage.transactionSync(() => {
      const pending = sql.exec<{ version: number; lines: string }>('SELECT version, lines FROM pending').toArray()[0];
      if (pending) return { version: pending.version, lines: JSON.parse(pending.lines) as CartLine[] };
      const snapshot = { lines: this.get(), version: this.#version() };
      if (snapshot.lines.length) sql.exec('INSERT INTO pending (id, version, lines) VALUES (1, ?, ?)', snapshot.version, JSON.stringify(snapshot.lines));
      return snapshot;
    });
  }

  /**
   * Merges another cart's snapshot into this one by the shared merge rule. A snapshot
   * already absorbed is skipped, so a retried merge never adds the same lines twice.
   */
  absorb(fromCartId: string, from: CartSnapshot, limits: AbsorbLimits): CartLine[] {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      const done = sql.exec<{ version: number }>('SELECT version FROM absorbed WHERE fromCartId = ?', fromCartId).toArray()[0];
      if (done && done.version >= from.version) return;
      const { insert, update } = mergeChanges(this.get(), from.lines, { maxQuantity: new Map(limits.maxQuantity), maxLines: limits.maxLines });
      for (const line of insert) sql.exec('INSERT INTO lines (productId, quantity) VALUES (?, ?)', line.productId, line.quantity);
      for (const line of update) sql.exec('UPDATE lines SET quantity = ? WHERE productId = ?', line.quantity, line.productId);
      sql.exec('INSERT INTO absorbed (fromCartId, version) VALUES (?, ?) ON CONFLICT (fromCartId) DO UPDATE SET version = excluded.version', fromCartId, from.version);
      this.#bump();
    });
    return this.get();
  }

  /**
   * Takes the pending snapshot's lines out of this (guest) cart. Lines added after
   * the snapshot stay. Releasing a snapshot that is not pending is a no-op (retries).
   */
  release(snapshot: CartSnapshot): void {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      const pending = sql.exec<{ version: number }>('SELECT version FROM pending').toArray()[0];
      if (pending?.version !== snapshot.version) return;
      for (const line of snapshot.lines) {
        sql.exec('UPDATE lines SET quantity = quantity - ? WHERE productId = ?', line.quantity, line.productId);
      }
      sql.exec('DELETE FROM lines WHERE quantity <= 0');
      sql.exec('DELETE FROM pending');
      this.#bump();
    });
  }

  // Inserts the line while the cart has room (or already holds the product), else refuses.
  #upsert(productId: number, quantity: number, limits: CartLimits, updated: (existing: number) => number): CartWrite {
    const sql = this.ctx.storage.sql;
    const written = this.ctx.storage.transactionSync(() => {
      const existing = sql.exec<{ quantity: number }>('SELECT quantity FROM lines WHERE productId = ?', productId).toArray()[0];
      let held: number;
      if (existing) {
        held = updated(existing.quantity);
        sql.exec('UPDATE lines SET quantity = ? WHERE productId = ?', held, productId);
      } else {
        const count = sql.exec<{ n: number }>('SELECT count(*) AS n FROM lines').one().n;
        if (count >= limits.maxLines) return null;
        held = Math.min(quantity, limits.maxQuantity);
        sql.exec('INSERT INTO lines (productId, quantity) VALUES (?, ?)', productId, held);
      }
      this.#bump();
      return held;
    });
    return written === null ? { ok: false, code: 'CART_FULL' } : { ok: true, line: { productId, quantity: written } };
  }

  #delete(productId: number): void {
    this.ctx.storage.transactionSync(() => {
      if (this.ctx.storage.sql.exec('DELETE FROM lines WHERE productId = ?', productId).rowsWritten) this.#bump();
    });
  }

  #version(): number {
    return this.#meta('version') ?? 0;
  }

  #bump(): void {
    this.#setMeta('version', this.#version() + 1);
  }

  #meta(key: string): number | undefined {
    return this.ctx.storage.sql.exec<{ value: number }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0]?.value;
  }

  #setMeta(key: string, value: number): void {
    this.ctx.storage.sql.exec('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
  }
}

// SQL cursor rows are plain objects already; copying keeps only the two fields.
const plain = (row: { productId: number; quantity: number }): CartLine => ({ productId: row.productId, quantity: row.quantity });
