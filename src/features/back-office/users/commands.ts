import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import type { Role } from '../../../kernel/db/schema.js';
import { ROLES } from '../../../kernel/access/actor.js';
import { generatePassword } from '../auth/passwords.js';
import { createUser } from '../commands/create-user.js';
import { email as emailRule, fail, take, type FieldErrors } from '../../../kernel/forms.js';

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export interface MemberForm {
  email: string;
  username: string;
  display_name: string;
  roles: string[];
}

function cleanRoles(roles: string[]): Role[] {
  return [...new Set(roles)].filter((r): r is Role => (ROLES as string[]).includes(r));
}

/** Said when a new account's e-mail is taken: the same words whether the account is on this site or another. */
export const TAKEN_EMAIL = 'Không tạo được tài khoản mới với email này. Nếu người này đã có tài khoản, hãy mời họ ở mục “Mời tài khoản có sẵn”.';

/**
 * Adds a person to the site: a new account with a generated password (returned, shown once to
 * the administrator, who passes it on): the person must choose their own at first sign-in.
 * An existing account (same email) is given roles here directly only by a system administrator;
 * a site administrator invites it instead (../invitations), so that no account is attached
 * without its holder's consent.
 */
export async function addMember(db: Db, siteId: number, by: number, f: MemberForm, now: Date, direct = false): Promise<Result<{ userId: number; password: string | null }>> {
  const errors: FieldErrors = {};
  const email = take(errors, 'email', emailRule(f.email));
  const username = f.username.trim().toLowerCase();
  const roles = cleanRoles(f.roles);
  if (!roles.length) errors.roles = 'Vui lòng chọn ít nhất một vai trò.';
  const existing = email ? await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst() : undefined;
  if (existing && !direct) errors.email = TAKEN_EMAIL;
  if (!existing) {
    if (!/^[a-z0-9._-]{3,40}$/.test(username)) errors.username = 'Tên đăng nhập gồm 3–40 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.';
    else if (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) errors.username = 'Tên đăng nhập đã có người dùng.';
    if (!f.display_name.trim()) errors.display_name = 'Vui lòng nhập họ và tên.';
    else if (f.display_name.length > 120) errors.display_name = 'Họ và tên dài tối đa 120 ký tự.';
  }
  if (Object.keys(errors).length) return fail(errors);
  if (existing) {
    await setRoles(db, siteId, by, existing.id, roles, now);
    return { ok: true, value: { userId: existing.id, password: null } };
  }
  const password = generatePassword();
  const userId = await createUser(db, { email, username, displayName: f.display_name, password, mustChangePassword: true, roles: roles.map((role) => ({ siteId, role })) }, by, now);
  return { ok: true, value: { userId, password } };
}

/** Replaces a person's roles on this site (an empty list removes them from the site). */
export async function setRoles(db: Db, siteId: number, by: number, userId: number, rolesIn: string[], now: Date): Promise<void> {
  const roles = cleanRoles(rolesIn);
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('site_id', '=', siteId).execute();
    await tx.deleteFrom('user_roles').where('user_id', '=', userId).where('site_id', '=', siteId).execute();
    for (const role of roles) await tx.insertInto('user_roles').values({ user_id: userId, site_id: siteId, role }).execute();
    await writeAudit(tx, { siteId, userId: by, action: 'user.roles', entityType: 'user', entityId: userId, before: before.map((r) => r.role), after: roles }, now);
  });
}
