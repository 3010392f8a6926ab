import { writeAudit } from '../../../kernel/audit.js';
import { ROLES } from '../../../kernel/access/actor.js';
import { findUserByLogin } from '../../../kernel/access/users-repo.js';
import type { Db } from '../../../kernel/db/connection.js';
import type { Role } from '../../../kernel/db/schema.js';
import type { FieldErrors } from '../../../kernel/forms.js';

/** How long an invitation may be accepted. */
export const INVITATION_DAYS = 7;

export interface InviteForm {
  login: string;
  roles: string[];
}

/**
 * A site administrator invites an account by its login or e-mail. The answer is the same whether
 * or not such an account exists, here or on another site: an unknown login gets an invitation
 * that nobody can ever accept. Nothing is attached until the person accepts. One transaction;
 * a new invitation of the same login replaces the open one.
 */
export async function inviteMember(db: Db, siteId: number, by: number, f: InviteForm, now: Date): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const login = f.login.normalize('NFC').trim().toLowerCase();
  const roles = [...new Set(f.roles)].filter((r): r is Role => (ROLES as string[]).includes(r));
  const errors: FieldErrors = {};
  if (!login) errors.login = 'Vui lòng nhập tên đăng nhập hoặc email của người được mời.';
  else if (login.length > 200) errors.login = 'Tên đăng nhập hoặc email dài tối đa 200 ký tự.';
  if (!roles.length) errors.invite_roles = 'Vui lòng chọn ít nhất một vai trò.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const user = await findUserByLogin(db, login);
  const stamp = now.toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('site_invitations').where('site_id', '=', siteId).where('login', '=', login).where('status', '=', 'pending').execute();
    const { id } = await tx
      .insertInto('site_invitations')
      .values({
        site_id: siteId, login, user_id: user?.id ?? null, roles: JSON.stringify(roles), status: 'pending', invited_by: by,
        created_at: stamp, expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(), answered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The site's own log: what was typed and the roles, never whether an account matched.
    await writeAudit(tx, { siteId, userId: by, action: 'user.invite', entityType: 'invitation', entityId: id, after: { login, roles } }, now);
  });
  return { ok: true };
}
