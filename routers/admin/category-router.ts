// admin.category.*: category management, for administrators only.
import * as v from 'valibot';
import { adminProcedure, router } from '../trpc.ts';
import { id, slug } from '../shared/schemas.ts';
import { createCategory, updateCategory } from './categories.ts';

import { description, name } from './schemas.ts';

export const adminCategoryRouter = router({
  create: adminProcedure
    .input(v.object({ name, slug: v.optional(slug), description: v.optional(description, '') }))
    .mutation(({ ctx, input }) => createCategory(ctx.db, input, ctx.clock.now())),

  update: adminProcedure
    .input(v.object({ id, name: v.optional(name), slug: v.optional(slug), description: v.optional(description) }))
    .mutation(({ ctx, input: { id, ...fields } }) => updateCategory(ctx.db, id, fields)),
});
