// The whole schema as Kysely sees it, built from the per-domain table types.
import type { Kysely, Transaction } from 'kysely';
import type { CartItemTable } from './tables/cart.ts';
import type {
  CategoryTable,
  ProductCategoryTable,
  ProductSearchTable,
  ProductTable,
  StockAdjustmentTable,
} from './tables/catalog.ts';

export interface Database {
  categories: CategoryTable;
  products: ProductTable;
  product_categories: ProductCategoryTable;
  products_fts: ProductSearchTable;
  stock_adjustments: StockAdjustmentTable;
  cart_items: CartItemTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
