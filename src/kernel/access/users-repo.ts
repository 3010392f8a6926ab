import type { Db } from '../db/connection.js';
import type { Role, UserRow } from '../db/schema.js';

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sign-in accepts the email or the user name, case-insensitively. */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const l = login.trim().toLowerCase();
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('email', '=', l), eb('username', '=', l)]))
    .executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface SiteMember {
  id: number;
  email: string;
  username: string;
  display_name: string;
  disabled: number;
  totp_enabled: number;
  roles: Role[];
}

/** The people holding a role on the site, with their roles there. */
export async function listSiteMembers(db: Db, siteId: number): Promise<SiteMember[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.email', 'users.username', 'users.display_name', 'users.disabled', 'users.totp_enabled', 'user_roles.role'])
    .where('user_roles.site_id', '=', siteId)
    .orderBy('users.display_name')
    .execute();
  const byId = new Map<number, SiteMember>();
  for (const r of rows) {
    const m = byId.get(r.id) ?? { id: r.id, email: r.email, username: r.username, display_name: r.display_name, disabled: r.disabled, totp_enabled: r.totp_enabled, roles: [] };
    m.roles.push(r.role);
    byId.set(r.id, m);
  }
  return [...byId.values()];
}
