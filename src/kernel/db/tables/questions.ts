import type { Generated, Selectable } from 'kysely';

/**
 * Hỏi đáp (citizens' questions and answers): the site's topic list, the questions with their
 * answers, and the per-site settings of the section. A question's name, phone, email and address
 * are for the staff only: no public page, feed or search result ever reads those columns.
 */
export interface QuestionsTables {
  question_topics: QuestionTopicsTable;
  questions: QuestionsTable;
  question_settings: QuestionSettingsTable;
}

export interface QuestionTopicsTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  /** Lowercase ASCII, unique per site (/hoi-dap/chu-de/<slug>). */
  slug: string;
  position: number;
}

/** received → processing → answered, or rejected (with a reason) from either of the first two. */
export type QuestionStatus = 'received' | 'processing' | 'answered' | 'rejected';
/** A question, or a report / suggestion (phản ánh, kiến nghị). */
export type QuestionKind = 'question' | 'feedback';

export interface QuestionsTable {
  id: Generated<number>;
  site_id: number;
  topic_id: number | null;
  kind: QuestionKind;
  title: string;
  body: string;
  /** Folded hash of the body: the same text sent twice to a site is refused. */
  body_hash: string;
  asker_name: string;
  /** Digits with an optional leading "+"; '' when only an email was given. */
  asker_phone: string;
  asker_email: string;
  asker_address: string;
  /** sha-256 of the site id and the tracking code: the code itself is never stored. */
  tracking_hash: string;
  status: QuestionStatus;
  reject_reason: string;
  /** Plain text paragraphs (rendered escaped). */
  answer: string;
  answered_at: string | null;
  answered_by: number | null;
  assignee_id: number | null;
  /** 1: question and answer are shown on /hoi-dap (never the asker's details). */
  published: number;
  published_at: string | null;
  slug: string;
  /** searchFold of title, body and answer, for the section's search. */
  search_text: string;
  /** Salted daily visitor hash (no IP address). */
  visitor: string;
  created_at: string;
  updated_at: string;
}

export interface QuestionSettingsTable {
  site_id: number;
  /** Days after which an unanswered question is overdue (the legal limit is 15 working days). */
  overdue_days: number;
}

export type QuestionRow = Selectable<QuestionsTable>;
export type QuestionTopicRow = Selectable<QuestionTopicsTable>;
