// The administrator account: from ADMIN_EMAIL / ADMIN_PASSWORD, or in development
// a generated password for admin@gomall.local, printed once when it is created.
import { registerUser } from '../../routers/user/accounts.ts';
import { verifyPassword } from '../../routers/user/password.ts';
import type { Config } from '../../routers/config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../../db/database.ts';

export const DEV_ADMIN_EMAIL = 'admin@gomall.local';

export async function seedAdmin(db: Db, config: Config, logger: Logger, now: number): Promise<void> {
  const development = config.mode === 'development';
  const email = config.adminEmail ?? (development ? DEV_ADMIN_EMAIL : undefined);
  if (!email) return;
  const existing = await db.selectFrom('users').select(['id', 'role', 'passwordHash']).where('email', '=', email).executeTakeFirst();
  if (existing) {
    if (existing.role === 'admin') return;
    // Anyone may have registered this email first: only its owner's password promotes it.
    if (config.adminPassword && (await verifyPassword(config.adminPassword, existing.passwordHash))) {
      await db.updateTable('users').set({ role: 'admin', updatedAt: now }).where('id', '=', existing.id).execute();
      logger.info(`made ${email} an administrator`);
    } else {
      logger.error(`${email} is a customer account; not made an administrator (ADMIN_PASSWORD must be that account's password)`);
    }
    return;
  }
  const generated = !config.adminPassword && development;
  const password = config.adminPassword ?? (generated ? generatePassword() : undefined);
  if (!password) {
    logger.info(`no administrator created: set ADMIN_PASSWORD to create ${email}`);
    return;
  }
  await registerUser(db, { email, password, confirmPassword: password, name: 'Administrator', marketingOptIn: false }, now, 'admin');
  // The one deliberate exception to "passwords never appear in logs": nobody could sign in otherwise.
  logger.info(
    generated
      ? `created administrator ${email} with password ${password} (shown once; set ADMIN_EMAIL/ADMIN_PASSWORD to choose)`
      : `created administrator ${email}`,
  );
}

function generatePassword(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(15)))).replace(/[+/]/g, 'x');
}
