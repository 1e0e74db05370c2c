// admin.category.*: category management, for administrators only.
import * as v from 'valibot';
import { router } from '../../server/trpc.ts';
import { id } from '../product/schemas.ts';
import { slug } from '../shared/schemas.ts';
import { createCategory, updateCategory } from './categories.ts';
import { catalogAdminProcedure } from './procedure.ts';
import { description, name } from './schemas.ts';

export const adminCategoryRouter = router({
  create: catalogAdminProcedure
    .input(v.object({ name, slug: v.optional(slug), description: v.optional(description, '') }))
    .mutation(({ ctx, input }) => createCategory(ctx.db, input, ctx.clock.now())),

  update: catalogAdminProcedure
    .input(v.object({ id, name: v.optional(name), slug: v.optional(slug), description: v.optional(description) }))
    .mutation(({ ctx, input: { id, ...fields } }) => updateCategory(ctx.db, id, fields)),
});
