// Accounts: registration, sign-in checks, profile and password changes.
// Functions take the database and the time; sessions are the router's business.
import type { Db } from '../ports.ts';
import type { User } from '../../db/tables/user.ts';
import { UserError } from './errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { claimLoginAttempt, claimPasswordCheck, clearLoginFailures } from './rate-limit.ts';
import type { RegisterInput } from './schemas.ts';

/** What the API shows of a user: never the password hash. */
export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: User['role'];
  marketingOptIn: boolean;
}

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, marketingOptIn: user.marketingOptIn === 1 };
}

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function registerUser(db: Db, input: RegisterInput, now: number, role: User['role'] = 'customer'): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const user = await db
    .insertInto('users')
    .values({
      email: input.email,
      passwordHash,
      name: input.name,
      role,
      marketingOptIn: input.marketingOptIn ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    })
    // The unique email index decides, so two simultaneous sign-ups cannot both win.
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!user) throw new UserError('EMAIL_TAKEN');
  return user;
}

// Compared against when the email is unknown, so both failures take the same time.
// Made on first use: Workers allow random values only while handling a request.
let decoyHash: Promise<string> | undefined;

/** The user whose email and password these are; rate limited per email and per client. */
export async function authenticate(
  db: Db,
  { email, password, clientAddress }: { email: string; password: string; clientAddress: string },
  now: number,
): Promise<User> {
  const claim = await claimLoginAttempt(db, email, clientAddress, now);
  if ('wait' in claim) throw new UserError('TOO_MANY_ATTEMPTS', claim.wait);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const valid = await verifyPassword(password, user?.passwordHash ?? (await (decoyHash ??= hashPassword(crypto.randomUUID()))));
  // A failure keeps the attempt recorded by the claim.
  if (!user || !valid) throw new UserError('BAD_CREDENTIALS');
  await clearLoginFailures(db, email, claim.attemptIds);
  return user;
}

export async function updateProfile(
  db: Db,
  userId: number,
  patch: { name?: string; marketingOptIn?: boolean },
  now: number,
): Promise<User> {
  return db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.marketingOptIn !== undefined && { marketingOptIn: patch.marketingOptIn ? 1 : 0 }),
      updatedAt: now,
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Sets a new password once the current one is proved. Wrong guesses count like failed
 * sign-ins (same email, same limit): a stolen session cookie must not allow unlimited guessing.
 */
export async function changePassword(
  db: Db,
  userId: number,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
  now: number,
): Promise<void> {
  const user = await findUser(db, userId);
  if (!user) throw new UserError('WRONG_CURRENT_PASSWORD');
  const claim = await claimPasswordCheck(db, user.email, now);
  if ('wait' in claim) throw new UserError('TOO_MANY_PASSWORD_ATTEMPTS', claim.wait);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new UserError('WRONG_CURRENT_PASSWORD');
  await clearLoginFailures(db, user.email, claim.attemptIds);
  await db
    .updateTable('users')
    .set({ passwordHash: await hashPassword(newPassword), updatedAt: now })
    .where('id', '=', userId)
    .execute();
}
