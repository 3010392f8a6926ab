import type { Generated, Selectable } from 'kysely';

/** Lịch công tác (leaders' weekly work schedule): row types. */
export interface ScheduleTables {
  schedule_entries: ScheduleEntriesTable;
}

/**
 * One item of a leader's work schedule. The day and times are Vietnamese wall-clock values
 * (Asia/Ho_Chi_Minh has no daylight-saving time), which is what people type and read: an entry at
 * 23:30 stays on its day whatever the server's time zone.
 */
export interface ScheduleEntriesTable {
  id: Generated<number>;
  site_id: number;
  /** Local calendar day, "YYYY-MM-DD". */
  day: string;
  /** Local start time, "HH:MM". */
  start_time: string;
  /** Local end time, "HH:MM", or '' when open-ended. */
  end_time: string;
  content: string;
  participants: string;
  place: string;
  leader: string;
  note: string;
  /** 1: shown on the public schedule and feed; 0: a draft. */
  published: number;
  created_at: string;
  updated_at: string;
}

export type ScheduleEntryRow = Selectable<ScheduleEntriesTable>;
