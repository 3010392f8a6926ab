import type { Db } from '../../../kernel/db/connection.js';
import { writeAudit } from '../../../kernel/audit.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import type { SessionStore } from '../../../kernel/access/sessions.js';
import { findUserByLogin } from '../../../kernel/access/users-repo.js';

/** Gives the account a new generated password and ends all its sessions; returns the password. */
export async function resetPassword(db: Db, sessions: SessionStore, login: string, by: number | null, now: Date): Promise<string | null> {
  const user = await findUserByLogin(db, login);
  if (!user) return null;
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); the operator's CLI resets a password for the whole installation.
    // The operator has seen the new password: the person chooses their own (checked) at first sign-in.
    await tx.updateTable('users').set({ password_hash: hash, must_change_password: 1, updated_at: now.toISOString() }).where('id', '=', user.id).execute();
    await writeAudit(tx, { siteId: null, userId: by, action: 'user.reset_password', entityType: 'user', entityId: user.id }, now);
  });
  await sessions.destroyForUser(user.id);
  return password;
}
