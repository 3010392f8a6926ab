import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { recheckPassword } from '../auth/password-recheck.js';
import type { SessionStore } from '../../../kernel/access/sessions.js';
import { newRecoveryCodes, newTotpSecret } from '../auth/totp.js';
import { acceptTotp, consumeRecoveryCode, totpSecretOf } from '../auth/second-factor.js';
import { beginAttempt, secondStepKey, tooMany } from '../auth/throttle.js';
import { auditSecondStepFailure } from '../auth/audit-events.js';
import type { SecretBox } from '../../../kernel/lib/secret-box.js';
import type { UserRow } from '../../../kernel/db/schema.js';
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

/**
 * The secret being enrolled, in clear for the set-up screen: the one already stored (sealed) if
 * enrolment was started, otherwise a new one, stored sealed but not active until a code confirms it.
 */
export async function pendingTotpSecret(db: Db, box: SecretBox, user: UserRow): Promise<string> {
  const existing = await totpSecretOf(db, box, user);
  if (existing) return existing;
  const secret = newTotpSecret();
  // tenancy: users are global (no site_id); this is the signed-in person's own row.
  await db.updateTable('users').set({ totp_secret: box.seal(secret), totp_last_step: null }).where('id', '=', user.id).where('totp_enabled', '=', 0).execute();
  return secret;
}

export async function confirmTotp(db: Db, box: SecretBox, userId: number, code: string, siteId: number, now: Date): Promise<Result<string[]>> {
  const user = (await findUserById(db, userId))!;
  if (user.totp_enabled) return { ok: false, errors: { code: 'Xác thực hai lớp đã được bật.' } };
  // The confirming code's step is recorded: it cannot be used again to sign in.
  if (!(await acceptTotp(db, box, user, code, now))) return { ok: false, errors: { code: 'Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng.' } };
  const { codes, hashes } = newRecoveryCodes();
  const enabled = await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); this is the signed-in person's own row.
    const r = await tx.updateTable('users').set({ totp_enabled: 1, recovery_codes: JSON.stringify(hashes), updated_at: now.toISOString() }).where('id', '=', userId).where('totp_enabled', '=', 0).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await writeAudit(tx, { siteId, userId, action: 'user.totp_enable', entityType: 'user', entityId: userId }, now);
    return true;
  });
  if (!enabled) return { ok: false, errors: { code: 'Xác thực hai lớp đã được bật.' } };
  return { ok: true, value: codes };
}

/**
 * Turns two-factor off: the password and a current code (or a recovery code), both under the
 * sign-in throttle, so that neither a stolen session nor a stolen password alone can do it.
 */
export async function disableTotp(db: Db, box: SecretBox, userId: number, password: string, code: string, siteId: number, ip: string, now: Date): Promise<Result> {
  const user = (await findUserById(db, userId))!;
  if (!user.totp_enabled) return { ok: true, value: null };
  const check = await recheckPassword(db, user, password, ip, siteId, 'totp_disable', now, 'Mật khẩu không đúng.');
  if (!check.ok) return { ok: false, errors: { password: check.message }, status: check.throttled ? 429 : 422 };
  const attempt = await beginAttempt(db, [secondStepKey(userId)], now);
  if (!attempt.ok) return { ok: false, errors: { code: tooMany(attempt.waitMs) }, status: 429 };
  if (!(await acceptTotp(db, box, user, code, now)) && !(code.trim() && (await consumeRecoveryCode(db, userId, code)))) {
    await auditSecondStepFailure(db, siteId, userId, attempt, now);
    const wrong = 'Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng.';
    return { ok: false, errors: { code: attempt.lockMs > 0 ? `${wrong} ${tooMany(attempt.lockMs)}` : wrong }, status: 422 };
  }
  await attempt.succeeded(now);
  await db.transaction().execute(async (tx) => {
    // tenancy: users are global (no site_id); this is the signed-in person's own row.
    await tx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, totp_last_step: null, recovery_codes: '[]', updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await writeAudit(tx, { siteId, userId, action: 'user.totp_disable', entityType: 'user', entityId: userId }, now);
  });
  return { ok: true, value: null };
}

export async function logoutEverywhere(db: Db, sessions: SessionStore, userId: number, siteId: number, now: Date): Promise<number> {
  const n = await sessions.destroyForUser(userId);
  await writeAudit(db, { siteId, userId, action: 'user.logout_all', entityType: 'user', entityId: userId, after: { sessions_ended: n } }, now);
  return n;
}
