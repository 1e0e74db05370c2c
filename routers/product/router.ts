import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import { publicProcedure, router } from '../trpc.ts';
import { id, page, pageSize, slug } from '../shared/schemas.ts';
import { priceCents } from './schemas.ts';
import { findProduct } from './detail.ts';
import { productImages } from './image-path.ts';
import { relatedProducts } from './related.ts';
import { findCategory, listCategories, listProducts } from './queries.ts';
import { searchProducts } from './search.ts';
import { PRODUCT_SORTS, SEARCH_SORTS } from '../shared/sorting.ts';
import { suggestProducts } from './suggest.ts';
import { ProductError } from './errors.ts';
import { rememberedRead } from './catalog-version.ts';

/** Long pasted text is cut to this and searched (only its first words count), never rejected as too long. */
const MAX_QUERY_LENGTH = 2000;
const queryText = v.pipe(
  v.string('must be text'),
  // Trimmed first, so leading blanks cannot push the words past the cut.
  v.trim(),
  v.transform((text) => text.slice(0, MAX_QUERY_LENGTH)),
);

const listInput = v.optional(
  v.object({
    category: v.optional(slug),
    page,
    pageSize: pageSize(24),
    sort: v.optional(v.picklist(PRODUCT_SORTS, `must be one of ${PRODUCT_SORTS.join(', ')}`), 'featured'),
  }),
  {},
);

const getInput = v.union([v.object({ slug }), v.object({ id })], 'must have a slug or an id');

const relatedInput = v.object({
  slug,
  limit: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(12, 'must be at most 12')), 4),
});

const searchInput = v.object({
  q: queryText,
  category: v.optional(slug),
  minPriceCents: v.optional(priceCents),
  maxPriceCents: v.optional(priceCents),
  inStock: v.optional(v.boolean('must be true or false')),
  /** Search the words as typed, never a spelling correction ("search instead for …"). */
  exact: v.optional(v.boolean('must be true or false')),
  sort: v.optional(v.picklist(SEARCH_SORTS, `must be one of ${SEARCH_SORTS.join(', ')}`), 'relevance'),
  page,
  pageSize: pageSize(24),
});

async function categoryId(db: Db, slug: string | undefined): Promise<number | undefined> {
  if (slug === undefined) return undefined;
  const category = await findCategory(db, slug);
  if (!category) throw new ProductError('CATEGORY_NOT_FOUND', `There is no category "${slug}".`);
  return category.id;
}

export const productRouter = router({
  list: publicProcedure.input(listInput).query(async ({ ctx, input }) =>
    listProducts(ctx.db, {
      ...input,
      categoryId: await categoryId(ctx.db, input.category),
      lowStockThreshold: ctx.config.lowStockThreshold,
    }),
  ),

  get: publicProcedure.input(getInput).query(async ({ ctx, input }) => {
    const product = await findProduct(ctx.db, input, ctx.config.lowStockThreshold);
    if (!product) throw new ProductError('PRODUCT_UNAVAILABLE', 'This product is not available.');
    return { ...product, images: productImages(product) };
  }),

  /** Up to `limit` products from the same categories, in stock first; none for an unknown product. */
  related: publicProcedure
    .input(relatedInput)
    .query(({ ctx, input }) => relatedProducts(ctx.db, { ...input, lowStockThreshold: ctx.config.lowStockThreshold })),

  search: publicProcedure.input(searchInput).query(async ({ ctx, input }) => {
    if (!input.q.trim()) throw new ProductError('EMPTY_QUERY', 'Enter something to search for');
    return searchProducts(ctx.db, {
      ...input,
      categoryId: await categoryId(ctx.db, input.category),
      lowStockThreshold: ctx.config.lowStockThreshold,
    });
  }),

  suggest: publicProcedure
    .input(v.object({ q: queryText }))
    .query(({ ctx, input }) => suggestProducts(ctx.db, input.q)),

  // Counted over the whole catalog and shown on every page: once per change of anything but stock.
  categories: publicProcedure.query(({ ctx }) => rememberedRead(ctx.db, 'structure', 'product.categories', () => listCategories(ctx.db))),
});
