import type { Db } from '../../kernel/db/connection.js';
import { generatePassword } from './auth/passwords.js';
import { createUser } from './commands/create-user.js';
import { countUsers } from '../../kernel/access/users-repo.js';

/**
 * On first run there is no account: create a system administrator with a generated password,
 * to be printed once. There is never a default password.
 */
export async function createFirstAdminIfNone(db: Db, now: Date): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = generatePassword();
  await createUser(db, { email: 'quantri@localhost', username: 'quantri', displayName: 'Quản trị hệ thống', password, isSystemAdmin: true }, null, now);
  return { username: 'quantri', password };
}
