import type { AlertRow } from '../../kernel/db/tables/alerts.js';

export type AlertState = 'scheduled' | 'active' | 'ended';

export const STATE_NAMES: Record<AlertState, string> = { scheduled: 'Chờ hiển thị', active: 'Đang hiển thị', ended: 'Đã kết thúc' };

export function alertState(a: Pick<AlertRow, 'starts_at' | 'ends_at'>, now: Date): AlertState {
  const t = now.toISOString();
  if (a.ends_at <= t) return 'ended';
  return a.starts_at <= t ? 'active' : 'scheduled';
}

/**
 * The purge flags of a notice whose times are (re)set at `now`: the transitions already past are
 * covered by the purge the command makes after commit; the job purges the ones still to come.
 */
export function purgeFlags(startsAt: string, endsAt: string, now: Date): { start_purged: number; end_purged: number } {
  const t = now.toISOString();
  return { start_purged: startsAt <= t ? 1 : 0, end_purged: endsAt <= t ? 1 : 0 };
}
