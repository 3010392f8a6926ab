import type { Generated, Selectable } from 'kysely';

/** Công khai – minh bạch, part B: row types. */
export interface DisclosureTables {
  disclosure_settings: DisclosureSettingsTable;
  disclosure_notices: DisclosureNoticesTable;
}

/**
 * What an editor sets once per site for a disclosure section (the hotlines, the officer answering
 * information requests, the reception days and rules, the spokesperson): the form's checked
 * fields as one JSON object under the section's key.
 */
export interface DisclosureSettingsTable {
  site_id: number;
  key: string;
  value_json: string;
  updated_at: string;
}

/**
 * A dated notice of a disclosure section: a press release, a recruitment notice, a change to the
 * reception schedule, a legal-dissemination topic. `kind` names the section.
 */
export interface DisclosureNoticesTable {
  id: Generated<number>;
  site_id: number;
  kind: string;
  title: string;
  /** Plain text; line breaks kept. */
  body: string;
  /** Local day "YYYY-MM-DD": issued on (press, recruitment, topic) or the day concerned (reception change). */
  day: string;
  /** Local day "YYYY-MM-DD" (recruitment: last day to apply) or ''. */
  deadline: string;
  /** Attached files and linked pages, one "label | address" a line (addresses of the site or http(s)). */
  links: string;
  created_at: string;
  updated_at: string;
}

export type DisclosureNoticeRow = Selectable<DisclosureNoticesTable>;
