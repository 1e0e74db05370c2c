// The ways product lists can be ordered, shared by the category listing, search
// and the pages' sort menus. The SQL for each is in routers/product/sort-order.ts.

export const PRODUCT_SORTS = ['featured', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const SEARCH_SORTS = ['relevance', ...PRODUCT_SORTS] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The admin product list's sortable columns (the SQL is in routers/admin/products.ts), each either way. */
export const ADMIN_PRODUCT_SORTS = ['name', 'price', 'stock', 'status', 'updated'] as const;
export type AdminProductSort = (typeof ADMIN_PRODUCT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
