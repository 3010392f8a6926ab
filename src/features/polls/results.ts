import { formatNumber } from '../../kernel/lib/format.js';
import type { PollOptionRow, PollRow } from '../../kernel/db/tables/polls.js';

/** Where a poll stands at an instant, and how its numbers read in Vietnamese. */
export type PollState = 'hidden' | 'upcoming' | 'open' | 'closed';

export function pollState(p: Pick<PollRow, 'published' | 'opens_at' | 'closes_at'>, now: Date): PollState {
  if (!p.published) return 'hidden';
  const t = now.toISOString();
  if (p.closes_at !== null && p.closes_at <= t) return 'closed';
  if (p.opens_at > t) return 'upcoming';
  return 'open';
}

export const STATE_LABELS: Record<PollState, string> = {
  hidden: 'Chưa đăng',
  upcoming: 'Chưa bắt đầu',
  open: 'Đang diễn ra',
  closed: 'Đã kết thúc',
};

/** "42,9%" of the voters; "0,0%" when nobody voted. */
export function percentText(votes: number, total: number): string {
  return formatNumber(total > 0 ? votes / total : 0, { percent: true, minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Rounded percentage for the bar (a <meter> from 0 to 100). */
export function percentValue(votes: number, total: number): number {
  return total > 0 ? Math.round((votes / total) * 1000) / 10 : 0;
}

/** "Tổng số: 1.234 lượt bình chọn" */
export function totalText(total: number): string {
  return `Tổng số: ${formatNumber(total)} lượt bình chọn`;
}

export function votesText(votes: number): string {
  return `${formatNumber(votes)} lượt`;
}

/** Results are shown to everyone when the poll says so or once it is over; otherwise to voters only. */
export function resultsPublic(p: Pick<PollRow, 'results_visibility' | 'published' | 'opens_at' | 'closes_at'>, now: Date): boolean {
  return p.results_visibility === 'always' || pollState(p, now) === 'closed';
}

export interface PollWithOptions {
  poll: PollRow;
  options: PollOptionRow[];
}
