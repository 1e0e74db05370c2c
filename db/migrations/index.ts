// Every migration, imported statically so bundles (the Worker) carry them without
// reading the filesystem. Add new ones here in timestamp order.
import type { Migration } from 'kysely';
import * as catalog from './2026_11_25_120000_catalog.ts';
import * as users from './2026_11_25_130000_users.ts';
import * as catalogSearch from './2026_11_25_140000_catalog_search.ts';
import * as carts from './2026_11_25_150000_carts.ts';
import * as loginAttemptsTime from './2026_11_26_090000_login_attempts_time.ts';
import * as orders from './2026_12_03_090000_orders.ts';
import * as email from './2026_12_03_120000_email.ts';
import * as searchForgiving from './2026_12_03_150000_search_forgiving.ts';
import * as featuredAt from './2026_12_03_160000_featured_at.ts';
import * as operations from './2026_12_03_170000_operations.ts';
import * as catalogVersion from './2026_12_04_090000_catalog_version.ts';
import * as categoryProductsIndex from './2026_12_05_090000_category_products_index.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_25_120000_catalog': catalog,
  '2026_11_25_130000_users': users,
  '2026_11_25_140000_catalog_search': catalogSearch,
  '2026_11_25_150000_carts': carts,
  '2026_11_26_090000_login_attempts_time': loginAttemptsTime,
  '2026_12_03_090000_orders': orders,
  '2026_12_03_120000_email': email,
  '2026_12_03_150000_search_forgiving': searchForgiving,
  '2026_12_03_160000_featured_at': featuredAt,
  '2026_12_03_170000_operations': operations,
  '2026_12_04_090000_catalog_version': catalogVersion,
  '2026_12_05_090000_category_products_index': categoryProductsIndex,
};
