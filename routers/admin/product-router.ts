// admin.product.*: product management and stock, for administrators only.
import * as v from 'valibot';
import { adminProcedure, router } from '../trpc.ts';
import { priceCents } from '../product/schemas.ts';
import { id, page, pageSize, slug } from '../shared/schemas.ts';
import { ADMIN_PRODUCT_SORTS, SORT_DIRECTIONS } from '../shared/sorting.ts';

import { createProduct, getAdminProduct, listAdminProducts, updateProduct } from './products.ts';
import { delta, description, imageUrl, name, reason, stock } from './schemas.ts';
import { adjustStock, setStock, stockHistory } from './stock.ts';

const categories = v.pipe(v.array(slug, 'must be a list of category slugs'), v.maxLength(10, 'must be at most 10 categories'));

const createInput = v.object({
  name,
  slug: v.optional(slug),
  description: v.optional(description, ''),
  priceCents,
  categories: v.optional(categories, []),
  imageUrl: v.optional(imageUrl),
  active: v.optional(v.boolean('must be true or false'), true),
  featured: v.optional(v.boolean('must be true or false'), false),
  stock: v.optional(stock, 0),
});

const updateInput = v.object({
  id,
  name: v.optional(name),
  slug: v.optional(slug),
  description: v.optional(description),
  priceCents: v.optional(priceCents),
  categories: v.optional(categories),
  imageUrl: v.optional(imageUrl),
  active: v.optional(v.boolean('must be true or false')),
  featured: v.optional(v.boolean('must be true or false')),
});

const byId = v.object({ id });

const listInput = v.optional(
  v.object({
    q: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'must be at most 2,000 characters'))),
    includeArchived: v.optional(v.boolean('must be true or false'), false),
    lowStock: v.optional(v.boolean('must be true or false'), false),
    sort: v.optional(v.picklist(ADMIN_PRODUCT_SORTS, `must be one of ${ADMIN_PRODUCT_SORTS.join(', ')}`)),
    dir: v.optional(v.picklist(SORT_DIRECTIONS, `must be one of ${SORT_DIRECTIONS.join(', ')}`), 'asc'),
    page,
    pageSize: pageSize(50),
  }),
  {},
);

export const adminProductRouter = router({
  list: adminProcedure
    .input(listInput)
    .query(({ ctx, input }) => listAdminProducts(ctx.db, { ...input, lowStockThreshold: ctx.config.lowStockThreshold })),

  /** One product, archived or not, with its latest stock changes: the edit page's data. */
  get: adminProcedure.input(byId).query(async ({ ctx, input }) => ({
    ...(await getAdminProduct(ctx.db, input.id, ctx.config.lowStockThreshold)),
    stockHistory: await stockHistory(ctx.db, input.id),
  })),

  create: adminProcedure.input(createInput).mutation(({ ctx, input }) =>
    createProduct(
      ctx.db,
      input,
      { actorUserId: ctx.session.userId, reason: 'Initial stock', now: ctx.clock.now() },
      ctx.config.lowStockThreshold,
    ),
  ),

  update: adminProcedure
    .input(updateInput)
    .mutation(({ ctx, input: { id, ...fields } }) => updateProduct(ctx.db, id, fields, ctx.clock.now(), ctx.config.lowStockThreshold)),

  archive: adminProcedure
    .input(byId)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, input.id, { active: false }, ctx.clock.now(), ctx.config.lowStockThreshold)),

  unarchive: adminProcedure
    .input(byId)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, input.id, { active: true }, ctx.clock.now(), ctx.config.lowStockThreshold)),

  setStock: adminProcedure
    .input(v.object({ id, stock, reason: v.optional(reason, 'Stock count set') }))
    .mutation(async ({ ctx, input }) => {
      const adjustment = await setStock(ctx.db, input.id, input.stock, {
        actorUserId: ctx.session.userId,
        reason: input.reason,
        now: ctx.clock.now(),
      });
      return { stock: input.stock, adjustment };
    }),

  adjustStock: adminProcedure.input(v.object({ id, delta, reason })).mutation(async ({ ctx, input }) => {
    const adjustment = await adjustStock(ctx.db, input.id, input.delta, {
      actorUserId: ctx.session.userId,
      reason: input.reason,
      now: ctx.clock.now(),
    });
    return { stock: adjustment.stockAfter, adjustment };
  }),
});
