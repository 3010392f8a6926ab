import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { loginDigest, type Attempt } from './throttle.js';

/**
 * The audit rows of failed checks (a level-3 system logs them, TCVN 11930:2017): who or what
 * login, on which site's sign-in page, and the lock a failure started. A failed sign-in names
 * neither the person nor the login in clear: the login is a digest (a password typed into the
 * login field must not be readable in the log), and whether an account exists is not written,
 * so that the log of one site does not tell its admins which accounts the installation has.
 */

/** What a failure locked, as the audit row keeps it: "account" or "address", and for how long. */
function lockOf(attempt: Attempt): { scope: string; seconds: number }[] {
  return attempt.locks.map((l) => ({ scope: l.key.clearOnSuccess ? 'account' : 'address', seconds: Math.ceil(l.ms / 1000) }));
}

export async function auditLoginFailure(db: Db, siteId: number, login: string, attempt: Attempt, now: Date): Promise<void> {
  const entity = { siteId, userId: null, entityType: 'login', entityId: loginDigest(login) };
  await writeAudit(db, { ...entity, action: 'user.login_failed' }, now);
  if (attempt.locks.length) await writeAudit(db, { ...entity, action: 'user.login_locked', after: { locks: lockOf(attempt) } }, now);
}

/** A wrong code (or recovery code) at the second step: the password was right, so the person is known. */
export async function auditSecondStepFailure(db: Db, siteId: number, userId: number, attempt: Attempt, now: Date): Promise<void> {
  const entity = { siteId, userId, entityType: 'user', entityId: userId };
  await writeAudit(db, { ...entity, action: 'user.totp_failed' }, now);
  if (attempt.locks.length) await writeAudit(db, { ...entity, action: 'user.totp_locked', after: { locks: lockOf(attempt) } }, now);
}

/** A wrong current password where a signed-in person must give it again (new password, two-factor off). */
export async function auditRecheckFailure(db: Db, siteId: number, userId: number, purpose: string, attempt: Attempt, now: Date): Promise<void> {
  const entity = { siteId, userId, entityType: 'user', entityId: userId };
  await writeAudit(db, { ...entity, action: 'user.password_recheck_failed', after: { purpose } }, now);
  if (attempt.locks.length) await writeAudit(db, { ...entity, action: 'user.password_recheck_locked', after: { purpose, locks: lockOf(attempt) } }, now);
}
