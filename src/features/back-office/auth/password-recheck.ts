import type { Db } from '../../../kernel/db/connection.js';
import type { UserRow } from '../../../kernel/db/schema.js';
import { auditRecheckFailure } from './audit-events.js';
import { verifyPassword } from './passwords.js';
import { accountKey, addressKey, beginAttempt, tooMany } from './throttle.js';

/** Where a signed-in person gives their password again, for the audit row. */
export type RecheckPurpose = 'change_password' | 'totp_disable';

export type Recheck = { ok: true } | { ok: false; throttled: boolean; message: string };

/**
 * The current password, checked again before a sensitive change, under the sign-in throttle (the
 * same account and address counters): a stolen session must not become a password oracle.
 */
export async function recheckPassword(db: Db, user: UserRow, password: string, ip: string, siteId: number, purpose: RecheckPurpose, now: Date, wrong: string): Promise<Recheck> {
  const attempt = await beginAttempt(db, [accountKey(user.id, user.username), addressKey(ip)], now);
  if (!attempt.ok) return { ok: false, throttled: true, message: tooMany(attempt.waitMs) };
  if (await verifyPassword(user.password_hash, password)) {
    await attempt.succeeded(now);
    return { ok: true };
  }
  await auditRecheckFailure(db, siteId, user.id, purpose, attempt, now);
  return { ok: false, throttled: false, message: attempt.lockMs > 0 ? `${wrong} ${tooMany(attempt.lockMs)}` : wrong };
}
