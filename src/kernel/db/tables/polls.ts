import type { Generated, Selectable } from 'kysely';

/** Thăm dò ý kiến (polls) and Góp ý dự thảo feedback: row types (migration 0012-polls). */
export interface PollsTables {
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  draft_feedback: DraftFeedbackTable;
}

/** 'always': results shown to everyone; 'after_vote': only to those who voted, and to all once closed. */
export type ResultsVisibility = 'always' | 'after_vote';

export interface PollsTable {
  id: Generated<number>;
  site_id: number;
  question: string;
  multiple: number;
  /** For multiple choice: how many options one may tick (0: any number). */
  max_choices: number;
  opens_at: string;
  /** null: open until closed by hand. */
  closes_at: string | null;
  published: number;
  results_visibility: ResultsVisibility;
  /** Number of people who voted (a multiple-choice vote counts once). */
  total_votes: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PollOptionsTable {
  id: Generated<number>;
  poll_id: number;
  site_id: number;
  label: string;
  position: number;
  votes: Generated<number>;
}

export interface PollVotesTable {
  poll_id: number;
  site_id: number;
  /** Hash of the voter cookie. */
  voter: string;
  /** Salted daily visitor hash (DESIGN.md, Privacy). */
  visitor: string;
  /** The chosen option ids, ascending, comma-separated. */
  choices: string;
  created_at: string;
  updated_at: string;
}

export type PollRow = Selectable<PollsTable>;
export type PollOptionRow = Selectable<PollOptionsTable>;

/** A citizen's feedback on a draft document. Contact and visitor hash are never published. */
export interface DraftFeedbackTable {
  id: Generated<number>;
  site_id: number;
  document_id: number;
  name: string;
  /** Email or phone number, as given (back office only). */
  contact: string;
  /** Cơ quan / đơn vị; '' when not given. */
  organisation: string;
  content: string;
  content_hash: string;
  visitor: string;
  processed: number;
  processed_by: number | null;
  processed_at: string | null;
  created_at: string;
}

export type DraftFeedbackRow = Selectable<DraftFeedbackTable>;
