import { localIsoDate } from '../../kernel/lib/format.js';
import { longDay } from '../documents/present.js';

/**
 * A draft takes feedback until the end of its `consultation_until` day in Vietnam (inclusive,
 * as the document library stores it: "YYYY-MM-DD").
 */
export function isOpen(until: string | null, now: Date): boolean {
  return until !== null && localIsoDate(now) <= until;
}

/** Whole days from today (Vietnam) to the last day: 0 on the last day. */
export function daysLeft(until: string, now: Date): number {
  const today = Date.parse(`${localIsoDate(now)}T00:00:00Z`);
  return Math.round((Date.parse(`${until}T00:00:00Z`) - today) / 86_400_000);
}

/** "Hạn góp ý: hết ngày 26 tháng 12 năm 2026 (còn 29 ngày)" */
export function deadlineText(until: string, now: Date): string {
  const n = daysLeft(until, now);
  const left = n > 0 ? `còn ${n} ngày` : n === 0 ? 'hôm nay là ngày cuối' : 'đã hết hạn';
  return `Hạn góp ý: hết ${longDay(until)} (${left})`;
}

export const CLOSED_TEXT = 'Đã hết thời hạn góp ý';
