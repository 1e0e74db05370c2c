// User-domain tables: accounts, revocable sessions, failed sign-in attempts and
// saved shipping addresses. Timestamps are epoch milliseconds; flags are 0/1.
import type { Generated, Selectable } from 'kysely';

export type Role = 'customer' | 'admin';

export interface UserTable {
  id: Generated<number>;
  /** Trimmed and lower-cased; unique. */
  email: string;
  /** Self-describing PBKDF2 string (see routers/user/password.ts); never leaves the server. */
  passwordHash: string;
  name: Generated<string>;
  role: Generated<Role>;
  marketingOptIn: Generated<number>;
  createdAt: number;
  updatedAt: number;
}

export interface SessionTable {
  /** Random id carried in the JWT's `sid` claim. */
  id: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** What the attempt counts against: `email:<address>` or `client:<network address>`. */
  key: string;
  attemptedAt: number;
}

export interface AddressTable {
  id: Generated<number>;
  userId: number;
  firstName: string;
  lastName: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  isDefault: Generated<number>;
  createdAt: number;
  updatedAt: number;
}

export type User = Selectable<UserTable>;
export type Address = Selectable<AddressTable>;
