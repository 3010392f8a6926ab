import type { Db } from '../../../kernel/db/connection.js';
import type { Role } from '../../../kernel/db/schema.js';
import { writeAudit } from '../../../kernel/audit.js';
import { nfc } from '../../../kernel/lib/text.js';
import { isCommonPassword } from '../auth/common-passwords.js';
import { hashPassword } from '../auth/passwords.js';

export interface NewUser {
  email: string;
  username: string;
  displayName: string;
  password: string;
  isSystemAdmin?: boolean;
  /** A generated password the person did not choose: changed at first sign-in. */
  mustChangePassword?: boolean;
  roles?: { siteId: number; role: Role }[];
}

/** Creates an account with its roles, in one transaction, with its audit row. */
export async function createUser(db: Db, u: NewUser, by: number | null, now: Date): Promise<number> {
  // Callers pass generated passwords; a common one here is a programming error, never stored.
  if (await isCommonPassword(u.password)) throw new Error('createUser: refusing a common password');
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (tx) => {
    const stamp = now.toISOString();
    const { id } = await tx
      .insertInto('users')
      .values({
        email: u.email.trim().toLowerCase(),
        username: u.username.trim().toLowerCase(),
        display_name: nfc(u.displayName.trim()),
        password_hash: passwordHash,
        is_system_admin: u.isSystemAdmin ? 1 : 0,
        // Named only when set (the column defaults to 0): tests seed users into databases migrated part-way.
        ...(u.mustChangePassword ? { must_change_password: 1 } : {}),
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const r of u.roles ?? []) {
      await tx.insertInto('user_roles').values({ user_id: id, site_id: r.siteId, role: r.role }).execute();
    }
    const after = { email: u.email, username: u.username, display_name: u.displayName, is_system_admin: !!u.isSystemAdmin, roles: u.roles ?? [] };
    const sites = new Set((u.roles ?? []).map((r) => r.siteId));
    if (sites.size === 0) sites.add(null as unknown as number);
    for (const siteId of sites) {
      await writeAudit(tx, { siteId: siteId ?? null, userId: by, action: 'user.create', entityType: 'user', entityId: id, after }, now);
    }
    return id;
  });
}
