import type { Generated, Selectable } from 'kysely';

/** Thông báo khẩn (site-wide emergency notices): row types. */
export interface AlertsTables {
  alerts: AlertsTable;
}

export type AlertSeverity = 'urgent' | 'advisory';

/**
 * One notice shown at the top of every public page of its site from `starts_at` until
 * `ends_at`. A notice sent to several sites at once is one row per site sharing `batch`.
 * `start_purged` / `end_purged` record that the site's page cache was purged once the start
 * (end) time passed, so that the leased job purges each transition exactly once, whichever
 * instance runs it.
 */
export interface AlertsTable {
  id: Generated<number>;
  site_id: number;
  /** Shared by the rows of one multi-site send; null for a notice written on one site. */
  batch: string | null;
  title: string;
  /** Plain text; line breaks kept, web addresses become links when shown. */
  body: string;
  severity: AlertSeverity;
  /** The full article: a path of the site ("/bai-viet/…") or an http(s) URL; '' when none. */
  link: string;
  /** ISO UTC. */
  starts_at: string;
  ends_at: string;
  start_purged: number;
  end_purged: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type AlertRow = Selectable<AlertsTable>;
