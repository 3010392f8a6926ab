import type { Db } from '../../kernel/db/connection.js';
import { addDays, dayOf } from '../../kernel/lib/calendar.js';
import { ensureSalt } from '../../kernel/citizen/identity.js';
import { purgeVoteCaps } from '../../kernel/citizen/vote-cap.js';

/**
 * Daily chores of the statistics, every minute on one instance (a leased job, jobs.ts): create the
 * day's salt ahead of the first hit, delete salts older than the previous day (48 h after they
 * were made, Nghị định 13/2023), forget visitor hashes after a day (and the vote caps keyed by them), old flush-log rows and
 * referring-domain counts older than their retention.
 * Each step is idempotent, so two instances doing it by accident do no harm.
 */
export const HOUSEKEEPING_LEASE = 'stats-housekeeping';
const HOUR = 3600_000;

/** Days the referring-domain counts are kept (CONG_STATS_REFERRER_RETENTION_DAYS): a year and a month, for a year-on-year look. */
export const REFERRER_RETENTION_DAYS = 400;

export async function houseKeep(db: Db, now: Date, referrerRetentionDays = REFERRER_RETENTION_DAYS): Promise<void> {
  const today = dayOf(now.getTime());
  await ensureSalt(db, today);
  await db.deleteFrom('stats_salts').where('day', '<', addDays(today, -1)).execute();
  // The per-address vote caps are keyed by those salts: gone with them.
  await purgeVoteCaps(db, addDays(today, -1));
  // A hash is only useful on its own day (plus the half hour after midnight).
  // tenancy: a retention rule, applied to every site at once.
  await db.deleteFrom('online_visitors').where('last_seen_at', '<', new Date(now.getTime() - 26 * HOUR).toISOString()).execute();
  await db.deleteFrom('stats_flush_log').where('flushed_at', '<', new Date(now.getTime() - 48 * HOUR).toISOString()).execute();
  // tenancy: a retention rule, applied to every site at once.
  await db.deleteFrom('stats_referrers').where('day', '<', addDays(today, -referrerRetentionDays)).execute();
}

/** Every minute, on the instance holding the lease. */
export const HOUSEKEEPING_MS = 60_000;
