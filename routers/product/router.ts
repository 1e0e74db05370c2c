import { TRPCError } from '@trpc/server';
import * as v from 'valibot';
import { publicProcedure, router } from '../../server/trpc.ts';
import { page, pageSize, slug } from '../shared/schemas.ts';
import { findCategory, listCategories, listProducts, PRODUCT_SORTS } from './queries.ts';

const listInput = v.optional(
  v.object({
    category: v.optional(slug),
    page,
    pageSize: pageSize(24),
    sort: v.optional(v.picklist(PRODUCT_SORTS, `must be one of ${PRODUCT_SORTS.join(', ')}`), 'featured'),
  }),
  {},
);

export const productRouter = router({
  list: publicProcedure.input(listInput).query(async ({ ctx, input }) => {
    let categoryId: number | undefined;
    if (input.category !== undefined) {
      const category = await findCategory(ctx.db, input.category);
      if (!category) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no category "${input.category}".` });
      categoryId = category.id;
    }
    return listProducts(ctx.db, { ...input, categoryId, lowStockThreshold: ctx.config.lowStockThreshold });
  }),

  categories: publicProcedure.query(({ ctx }) => listCategories(ctx.db)),
});
