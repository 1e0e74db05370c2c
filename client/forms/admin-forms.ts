// The admin product forms (create, edit, archive, unarchive, adjust stock), each
// defined once and run the same way by a plain form post and by JavaScript.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { checked, FormFieldError, type Fields, type FormAction } from './form-action.ts';
import { parseDollars } from '../format.ts';

/** A form field holds one value, so each category is its own checkbox: "category.<slug>". */
const CATEGORY = 'category.';
export const categoryField = (slug: string) => `${CATEGORY}${slug}`;

/** The edit page of a product, with a confirmation; only a numeric id makes it into the URL. */
export const productPage = (id: string | number | undefined, saved?: string) =>
  `/admin/products/${/^\d{1,15}$/.test(String(id)) ? id : ''}${saved ? `?saved=${saved}` : ''}`;

/** The fields the create and edit forms share. */
function productFields(f: Fields) {
  const priceCents = parseDollars(f.price ?? '');
  if (priceCents === null) throw new FormFieldError('price', 'must be an amount in dollars, like 24.50');
  return {
    name: f.name ?? '',
    // Empty means "make it from the name" on create and "keep it" on edit.
    slug: f.slug?.trim() || undefined,
    description: f.description ?? '',
    priceCents,
    categories: Object.keys(f)
      .filter((key) => key.startsWith(CATEGORY) && checked(f, key))
      .map((key) => key.slice(CATEGORY.length)),
    imageUrl: f.imageUrl?.trim() || undefined,
    active: checked(f, 'active'),
    featured: checked(f, 'featured'),
  };
}

/** The price is typed in dollars; errors about the cents it became belong next to it. */
const fieldOf = { priceCents: 'price' };

export const createProduct: FormAction<{ id: number }> = {
  path: '/admin/products/new',
  page: () => '/admin/products/new',
  run: async (api, f) => api.admin.product.create({ ...productFields(f), stock: f.stock?.trim() ? wholeNumber(f.stock) : undefined }),
  done: (_f, product) => productPage(product.id, 'created'),
  fieldOf,
};

export const updateProduct: FormAction = {
  path: '/admin/products/update',
  page: (f) => productPage(f.id),
  run: async (api, f) => api.admin.product.update({ id: wholeNumber(f.id), ...productFields(f) }),
  done: (f) => productPage(f.id, 'product'),
  fieldOf,
};

export const archiveProduct: FormAction = {
  path: '/admin/products/archive',
  page: (f) => productPage(f.id),
  run: (api, f) => api.admin.product.archive({ id: wholeNumber(f.id) }),
  done: (f) => productPage(f.id, 'archived'),
};

export const unarchiveProduct: FormAction = {
  path: '/admin/products/unarchive',
  page: (f) => productPage(f.id),
  run: (api, f) => api.admin.product.unarchive({ id: wholeNumber(f.id) }),
  done: (f) => productPage(f.id, 'unarchived'),
};

export const adjustStock: FormAction = {
  path: '/admin/products/adjust-stock',
  page: (f) => productPage(f.id),
  run: (api, f) => api.admin.product.adjustStock({ id: wholeNumber(f.id), delta: wholeNumber(f.delta), reason: f.reason ?? '' }),
  done: (f) => productPage(f.id, 'stock'),
};

export const adminActions: FormAction[] = [createProduct, updateProduct, archiveProduct, unarchiveProduct, adjustStock];
