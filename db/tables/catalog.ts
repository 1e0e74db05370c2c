// Catalog tables. Money is integer minor units; timestamps are epoch milliseconds.
import type { Generated, Selectable } from 'kysely';

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  sortOrder: Generated<number>;
  createdAt: number;
}

export interface ProductTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: Generated<string>;
  stock: Generated<number>;
  imageUrl: string;
  /** 1 = listed, 0 = archived. */
  active: Generated<number>;
  featured: Generated<number>;
  /** When it was last featured (epoch ms); null when not featured, or featured before this was recorded. */
  featuredAt: Generated<number | null>;
  createdAt: number;
  updatedAt: number;
}

export interface ProductCategoryTable {
  productId: number;
  categoryId: number;
}

export type Category = Selectable<CategoryTable>;
export type Product = Selectable<ProductTable>;

/** The FTS5 index over products (rowid = products.id); read it only through MATCH. */
export interface ProductSearchTable {
  rowid: number;
  name: string;
  description: string;
}

/** One stock change: who made it, by how much, why, and the stock it left. */
export interface StockAdjustmentTable {
  id: Generated<number>;
  productId: number;
  /** The admin's user id (no foreign key: users belong to the accounts domain). */
  actorUserId: number;
  delta: number;
  reason: string;
  stockAfter: number;
  createdAt: number;
}

export type StockAdjustment = Selectable<StockAdjustmentTable>;
