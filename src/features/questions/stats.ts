import type { Db } from '../../kernel/db/connection.js';
import { answeredSince, countByStatus, listOverdue, overdueDays, type QueueRow } from './repo.js';
import type { QuestionStatus } from '../../kernel/db/tables/questions.js';

/**
 * Answer-time statistics of the back office. An answer time is the number of days (fractional)
 * from the question's arrival to its answer. The median is the middle value (the mean of the two
 * middle ones for an even count); the 90th percentile is by nearest rank (the smallest time that
 * at least 90 % of the answers did not exceed).
 */
export const PERIODS = [30, 90, 365] as const;
const DAY_MS = 86_400_000;

export interface PeriodStats {
  days: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface QuestionStats {
  counts: Record<QuestionStatus, number>;
  periods: PeriodStats[];
  overdueDays: number;
  overdue: QueueRow[];
}

export function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export async function questionStats(db: Db, siteId: number, now: Date): Promise<QuestionStats> {
  const longest = Math.max(...PERIODS);
  const [counts, limit, rows] = await Promise.all([
    countByStatus(db, siteId),
    overdueDays(db, siteId),
    answeredSince(db, siteId, new Date(now.getTime() - longest * DAY_MS).toISOString()),
  ]);
  const periods = PERIODS.map((days) => {
    const since = now.getTime() - days * DAY_MS;
    const times = rows
      .filter((r) => Date.parse(r.answered_at) >= since)
      .map((r) => Math.max(0, Date.parse(r.answered_at) - Date.parse(r.created_at)) / DAY_MS)
      .sort((a, b) => a - b);
    return { days, answered: times.length, medianDays: median(times), p90Days: percentile(times, 90) };
  });
  const overdue = await listOverdue(db, siteId, new Date(now.getTime() - limit * DAY_MS).toISOString());
  return { counts, periods, overdueDays: limit, overdue };
}

export function isOverdue(q: { status: QuestionStatus; created_at: string }, limitDays: number, now: Date): boolean {
  return (q.status === 'received' || q.status === 'processing') && now.getTime() - Date.parse(q.created_at) > limitDays * DAY_MS;
}
