import type { Db } from '../../kernel/db/connection.js';
import { purgeExpiredSessions } from '../../kernel/access/sessions.js';
import type { Job } from '../../kernel/jobs.js';
import { purgeOldThrottleRows } from './auth/throttle.js';
import { purgeOldInvitations } from './invitations/repo.js';

/**
 * The back office's chores, on the instance holding the lease (kernel/jobs.ts): sessions past
 * their end (a session is only deleted when its cookie comes back, and most never do), throttle
 * rows that have decayed to nothing, and invitations a month past their expiry. The deletes are
 * idempotent.
 */
export const HOUSEKEEPING_LEASE = 'back-office-housekeeping';
export const HOUSEKEEPING_MS = 10 * 60_000;

export async function backOfficeHousekeeping(db: Db, now: Date): Promise<{ sessions: number; throttleRows: number; invitations: number }> {
  return { sessions: await purgeExpiredSessions(db, now), throttleRows: await purgeOldThrottleRows(db, now), invitations: await purgeOldInvitations(db, now) };
}

export function backOfficeJobs(db: Db): Job[] {
  return [{ name: HOUSEKEEPING_LEASE, intervalMs: HOUSEKEEPING_MS, leased: true, run: async (now) => void (await backOfficeHousekeeping(db, now)) }];
}
