import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../kernel/db/connection.js';
import { generatePassword } from './auth/passwords.js';
import { createUser } from './commands/create-user.js';
import { countUsers } from '../../kernel/access/users-repo.js';

/** The file in the data directory that holds the first administrator's password. */
export const FIRST_ADMIN_FILE = 'mat-khau-quan-tri-dau-tien.txt';

export interface FirstAdmin {
  username: string;
  password: string;
  /** Where the password was written (mode 0600); the only thing printed. */
  file: string;
}

/**
 * On first run there is no account: create a system administrator with a generated password.
 * There is never a default password. The password goes to a file only its owner can read, not to
 * the output (journald and container logs keep what a service prints), and must be changed at
 * first sign-in.
 */
export async function createFirstAdminIfNone(db: Db, now: Date, dataDir: string): Promise<FirstAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = generatePassword();
  const file = join(dataDir, FIRST_ADMIN_FILE);
  mkdirSync(dataDir, { recursive: true });
  // A file left from an earlier database is stale; writing anew (exclusive) gives it mode 0600 for sure.
  rmSync(file, { force: true });
  writeFileSync(file, `Tên đăng nhập: quantri\nMật khẩu: ${password}\n\nĐăng nhập tại /quan-tri, đổi mật khẩu, rồi xóa tệp này.\n`, { mode: 0o600, flag: 'wx' });
  await createUser(db, { email: 'quantri@localhost', username: 'quantri', displayName: 'Quản trị hệ thống', password, isSystemAdmin: true, mustChangePassword: true }, null, now);
  return { username: 'quantri', password, file };
}
