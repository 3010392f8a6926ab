import type { Db } from '../db/connection.js';
import type { Role, UserRow } from '../db/schema.js';

/** The signed-in person as the policies see them: who they are and what they hold on which site. */
export interface Actor {
  userId: number;
  displayName: string;
  email: string;
  isSystemAdmin: boolean;
  totpEnabled: boolean;
  /** Signed in with a generated password (the first administrator's): sent to change it first. */
  mustChangePassword?: boolean;
  rolesBySite: Map<number, Set<Role>>;
}

export const ROLE_NAMES: Record<Role, string> = {
  site_admin: 'Quản trị trang',
  approver: 'Trưởng ban biên tập',
  editor: 'Biên tập viên',
  contributor: 'Phóng viên / Cộng tác viên',
  moderator: 'Kiểm duyệt bình luận',
};

export const ROLES = Object.keys(ROLE_NAMES) as Role[];

export async function loadActor(db: Db, user: UserRow): Promise<Actor> {
  // tenancy: users are global; the actor carries its roles on every site, and hasRole checks the one at hand.
  const roles = await db.selectFrom('user_roles').select(['site_id', 'role']).where('user_id', '=', user.id).execute();
  const rolesBySite = new Map<number, Set<Role>>();
  for (const r of roles) {
    if (!rolesBySite.has(r.site_id)) rolesBySite.set(r.site_id, new Set());
    rolesBySite.get(r.site_id)!.add(r.role);
  }
  return {
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    isSystemAdmin: user.is_system_admin === 1,
    totpEnabled: user.totp_enabled === 1,
    mustChangePassword: user.must_change_password === 1,
    rolesBySite,
  };
}

/** True when the actor holds any of the roles on the site; system admins hold every role everywhere. */
export function hasRole(actor: Actor, siteId: number, ...roles: Role[]): boolean {
  if (actor.isSystemAdmin) return true;
  const mine = actor.rolesBySite.get(siteId);
  return !!mine && roles.some((r) => mine.has(r));
}

export function hasAnyRole(actor: Actor, siteId: number): boolean {
  return actor.isSystemAdmin || (actor.rolesBySite.get(siteId)?.size ?? 0) > 0;
}
