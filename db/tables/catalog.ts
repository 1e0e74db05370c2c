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
  createdAt: number;
  updatedAt: number;
}

export interface ProductCategoryTable {
  productId: number;
  categoryId: number;
}

export type Category = Selectable<CategoryTable>;
export type Product = Selectable<ProductTable>;
