import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { recheckPassword } from '../auth/password-recheck.js';
import type { SessionStore } from '../../../kernel/access/sessions.js';
import { checkTotp, newRecoveryCodes, newTotpSecret } from '../auth/totp.js';
import { findUserById } from '../../../kernel/access/users-repo.js';

/** `status` 429: the password was not checked, the sign-in throttle holds the account or the address. */
type Result<T = null> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; status?: number };

/** Changes the person's own password; ends their other sessions. `ip`: the client's, for the throttle. */
export async function changePassword(db: Db, sessions: SessionStore, userId: number, keepSessionId: string, current: string, next: string, confirm: string, siteId: number, ip: string, now: Date): Promise<Result> {
  const user = (await findUserById(db, userId))!;
  const check = await recheckPassword(db, user, current, ip, siteId, 'change_password', now, 'Mật khẩu hiện tại không đúng.');
  if (!check.ok) return { ok: false, errors: { current: check.message }, status: check.throttled ? 429 : 422 };
  const problem = await passwordProblem(next, [user.username, user.email.split('@')[0]!]);
  if (problem) return { ok: false, errors: { next: problem } };
  if (next !== confirm) return { ok: false, errors: { confirm: 'Mật khẩu nhập lại không khớp.' } };
  if (next === current) return { ok: false, errors: { next: 'Mật khẩu mới phải khác mật khẩu hiện tại.' } };
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); this is the signed-in person's own row.
    await tx.updateTable('users').set({ password_hash: hash, must_change_password: 0, updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await writeAudit(tx, { siteId, userId, action: 'user.change_password', entityType: 'user', entityId: userId }, now);
  });
  // After the commit: the other sessions end once the new password is really in place.
  await sessions.destroyForUser(userId, keepSessionId);
  return { ok: true, value: null };
}

/** Starts enrolment: a new secret is stored but not active until a code confirms it. */
export async function beginTotp(db: Db, userId: number): Promise<string> {
  const secret = newTotpSecret();
  // tenancy: users are global (no site_id); this is the signed-in person's own row.
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).where('totp_enabled', '=', 0).execute();
  return secret;
}

export async function confirmTotp(db: Db, userId: number, code: string, siteId: number, now: Date): Promise<Result<string[]>> {
  const user = (await findUserById(db, userId))!;
  if (user.totp_enabled) return { ok: false, errors: { code: 'Xác thực hai lớp đã được bật.' } };
  if (!user.totp_secret || !(await checkTotp(user.totp_secret, code))) return { ok: false, errors: { code: 'Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng.' } };
  const { codes, hashes } = newRecoveryCodes();
  await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); this is the signed-in person's own row.
    await tx.updateTable('users').set({ totp_enabled: 1, recovery_codes: JSON.stringify(hashes), updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await writeAudit(tx, { siteId, userId, action: 'user.totp_enable', entityType: 'user', entityId: userId }, now);
  });
  return { ok: true, value: codes };
}

export async function disableTotp(db: Db, userId: number, password: string, siteId: number, ip: string, now: Date): Promise<Result> {
  const user = (await findUserById(db, userId))!;
  const check = await recheckPassword(db, user, password, ip, siteId, 'totp_disable', now, 'Mật khẩu không đúng.');
  if (!check.ok) return { ok: false, errors: { password: check.message }, status: check.throttled ? 429 : 422 };
  await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); this is the signed-in person's own row.
    await tx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, recovery_codes: '[]', updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await writeAudit(tx, { siteId, userId, action: 'user.totp_disable', entityType: 'user', entityId: userId }, now);
  });
  return { ok: true, value: null };
}

export async function logoutEverywhere(db: Db, sessions: SessionStore, userId: number, siteId: number, now: Date): Promise<number> {
  const n = await sessions.destroyForUser(userId);
  await writeAudit(db, { siteId, userId, action: 'user.logout_all', entityType: 'user', entityId: userId, after: { sessions_ended: n } }, now);
  return n;
}
