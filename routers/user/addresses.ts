// Saved shipping addresses. A user with addresses always has exactly one default:
// the first one saved, or the one last marked as default.
import type { Address } from '../../db/tables/user.ts';
import type { Db } from '../ports.ts';
import { UserError } from './errors.ts';
import type { SaveAddressInput } from './schemas.ts';

export interface PublicAddress extends Omit<Address, 'userId' | 'isDefault' | 'createdAt' | 'updatedAt'> {
  isDefault: boolean;
}

function toPublicAddress({ userId, createdAt, updatedAt, isDefault, ...address }: Address): PublicAddress {
  return { ...address, isDefault: isDefault === 1 };
}

export async function listAddresses(db: Db, userId: number): Promise<PublicAddress[]> {
  const rows = await db
    .selectFrom('addresses')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('isDefault', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toPublicAddress);
}

export async function saveAddress(db: Db, userId: number, input: SaveAddressInput, now: number): Promise<PublicAddress> {
  const { id, isDefault, ...fields } = input;
  return db.transaction().execute(async (trx) => {
    let others = trx.selectFrom('addresses').select('id').where('userId', '=', userId).where('isDefault', '=', 1);
    if (id !== undefined) others = others.where('id', '!=', id);
    const makeDefault = isDefault || !(await others.executeTakeFirst());
    if (makeDefault) await trx.updateTable('addresses').set({ isDefault: 0 }).where('userId', '=', userId).execute();
    const flag = makeDefault ? 1 : 0;
    const row =
      id === undefined
        ? await trx
            .insertInto('addresses')
            .values({ ...fields, userId, isDefault: flag, createdAt: now, updatedAt: now })
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .updateTable('addresses')
            .set({ ...fields, isDefault: flag, updatedAt: now })
            .where('id', '=', id)
            .where('userId', '=', userId)
            .returningAll()
            .executeTakeFirst();
    // Someone else's address looks exactly like a missing one; the rollback undoes the flag reset.
    if (!row) throw new UserError('ADDRESS_NOT_FOUND');
    return toPublicAddress(row);
  });
}

export async function deleteAddress(db: Db, userId: number, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('addresses')
      .where('id', '=', id)
      .where('userId', '=', userId)
      .returning('isDefault')
      .executeTakeFirst();
    if (!removed) throw new UserError('ADDRESS_NOT_FOUND');
    if (removed.isDefault !== 1) return;
    const next = await trx
      .selectFrom('addresses')
      .select('id')
      .where('userId', '=', userId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (next) await trx.updateTable('addresses').set({ isDefault: 1 }).where('id', '=', next.id).execute();
  });
}
