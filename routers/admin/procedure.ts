// The procedure every catalog-admin call uses: admins only, catalog errors mapped once.
import { adminProcedure } from '../../server/trpc.ts';
import { CatalogError, toTRPCError } from './errors.ts';

export const catalogAdminProcedure = adminProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof CatalogError) throw toTRPCError(result.error.cause);
  return result;
});
