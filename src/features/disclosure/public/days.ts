import { formatLongDate } from '../../../kernel/lib/format.js';

/** "2026-01-15" → "15/01/2026" */
export function shortDay(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return `${d}/${m}/${y}`;
}

/** "2026-01-15" → "ngày 15 tháng 01 năm 2026" (noon, so that no time zone moves the day). */
export function longDay(ymd: string): string {
  return formatLongDate(`${ymd}T05:00:00Z`);
}
