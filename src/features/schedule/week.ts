import { localIsoDate } from '../../kernel/lib/format.js';

/**
 * ISO-8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday) on Vietnamese calendar
 * days. All arithmetic is on "YYYY-MM-DD" dates through UTC midnights, so the server's own time
 * zone never matters.
 */
export interface Week {
  year: number;
  week: number;
  /** "2026-W48": the value of ?tuan= */
  key: string;
  /** The seven days, Monday first, "YYYY-MM-DD". */
  days: string[];
}

const DAY_MS = 86_400_000;
const WEEK_RE = /^(\d{4})-W(\d{1,2})$/i;
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function toUtc(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Adds days to a calendar date. */
export function addDays(ymd: string, n: number): string {
  return fromUtc(toUtc(ymd) + n * DAY_MS);
}

/** True for a real calendar date "YYYY-MM-DD" (no 2026-02-30). */
export function isDate(ymd: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return false;
  return fromUtc(toUtc(ymd)) === ymd;
}

/** Monday = 0 … Sunday = 6 */
function isoDow(ymd: string): number {
  return (new Date(toUtc(ymd)).getUTCDay() + 6) % 7;
}

function make(year: number, week: number): Week {
  const jan4 = `${year}-01-04`;
  const monday = addDays(jan4, -isoDow(jan4) + (week - 1) * 7);
  return { year, week, key: `${year}-W${pad(week)}`, days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)) };
}

/** The ISO week a calendar day belongs to (2027-01-01 is in 2026-W53). */
export function weekOfDate(ymd: string): Week {
  const thursday = addDays(ymd, 3 - isoDow(ymd));
  const year = Number(thursday.slice(0, 4));
  const week = 1 + Math.floor((toUtc(thursday) - toUtc(`${year}-01-01`)) / (7 * DAY_MS));
  return make(year, week);
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return weekOfDate(`${year}-12-28`).week;
}

/** "2026-W48" → the week; null for anything else, including week 53 of a 52-week year. */
export function parseWeek(raw: unknown): Week | null {
  if (typeof raw !== 'string') return null;
  const m = WEEK_RE.exec(raw.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > weeksInYear(year)) return null;
  return make(year, week);
}

/** The week that holds this instant in Vietnam. */
export function currentWeek(now: Date): Week {
  return weekOfDate(localIsoDate(now));
}

export function addWeeks(w: Week, n: number): Week {
  return weekOfDate(addDays(w.days[0]!, n * 7));
}

/** Seconds until the next Monday 00:00 in Vietnam, when "this week" changes. */
export function secondsUntilNextWeek(now: Date): number {
  const nextMonday = addDays(currentWeek(now).days[0]!, 7);
  // Vietnam is UTC+7 without daylight-saving time.
  const at = toUtc(nextMonday) - 7 * 3_600_000;
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}

/** "23/11/2026" */
export function shortDate(ymd: string): string {
  return `${ymd.slice(8, 10)}/${ymd.slice(5, 7)}/${ymd.slice(0, 4)}`;
}

/** "Thứ Hai, 23/11/2026" */
export function dayLabel(ymd: string): string {
  return `${WEEKDAYS[new Date(toUtc(ymd)).getUTCDay()]}, ${shortDate(ymd)}`;
}

/** "Lịch công tác tuần 48 (từ 23/11/2026 đến 29/11/2026)" */
export function weekTitle(w: Week): string {
  return `Lịch công tác tuần ${w.week} (từ ${shortDate(w.days[0]!)} đến ${shortDate(w.days[6]!)})`;
}

/** Part of the day as Vietnamese schedules print it. */
export function sessionOf(startTime: string): 'Sáng' | 'Chiều' | 'Tối' {
  const h = Number(startTime.slice(0, 2));
  return h < 12 ? 'Sáng' : h < 18 ? 'Chiều' : 'Tối';
}

/** "07h30" or "07h30 – 11h00", as Vietnamese schedules write times. */
export function timeRange(start: string, end: string): string {
  const f = (t: string) => t.replace(':', 'h');
  return end ? `${f(start)} – ${f(end)}` : f(start);
}
