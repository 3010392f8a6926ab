/**
 * Statistics days are Vietnamese calendar days (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight
 * saving), written "YYYY-MM-DD"; months "YYYY-MM". Both sort correctly as text.
 */
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

export function dayOf(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The instant (UTC milliseconds) the Vietnamese day begins. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the day's week (Vietnamese weeks start on Monday). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The days a set of live counters is about: today, yesterday, this month. */
export interface LiveDays {
  today: string;
  yesterday: string;
  month: string;
}

let current: { from: number; to: number; days: LiveDays } | null = null;

/** The live days of an instant; the same object all day long (it is asked for on every hit). */
export function liveDays(ms: number): LiveDays {
  if (current && ms >= current.from && ms < current.to) return current.days;
  const today = dayOf(ms);
  const days = { today, yesterday: addDays(today, -1), month: monthOf(today) };
  current = { from: dayStartMs(today), to: dayStartMs(addDays(today, 1)), days };
  return days;
}
