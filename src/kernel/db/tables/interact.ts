import type { Generated, Selectable } from 'kysely';

/**
 * Tables of citizen interaction: the vote log of article ratings, comments, the captcha replay
 * store and the feature's server secrets (generated at first run, never in the repository).
 */
export interface InteractTables {
  rating_votes: RatingVotesTable;
  comments: CommentsTable;
  captcha_used: CaptchaUsedTable;
  vote_caps: VoteCapsTable;
  interact_secrets: InteractSecretsTable;
}

/*
 * The rating counters and the per-article comment switch are columns of `articles` (migration
 * 0007), declared here so that the feature owns them: the stored count and sum change in the
 * same transaction as the vote log.
 */
declare module '../schema.js' {
  interface ArticlesTable {
    /** Number of votes (rows of rating_votes for the article). */
    rating_count: Generated<number>;
    /** Sum of the stars of those votes; the average is rating_sum / rating_count. */
    rating_sum: Generated<number>;
    /** 1: no new comments on this article. */
    comments_closed: Generated<number>;
  }
}

/** One vote per visitor and article; voting again changes `stars`. */
export interface RatingVotesTable {
  article_id: number;
  site_id: number;
  /** sha-256 of the random voter cookie (no personal data). */
  voter: string;
  /** The salted daily visitor hash (DESIGN.md, Privacy): recognises a visitor without the cookie for the day. */
  visitor: string;
  stars: number;
  created_at: string;
  updated_at: string;
}

export type CommentStatus = 'pending' | 'published' | 'rejected' | 'spam';
/** Why a comment waits: the site holds every comment, the author is new, or it has many links. */
/** 'fallback': sent with the answer to the fallback question, not a proof of work (issue 16). */
export type HoldReason = '' | 'moderation' | 'new_author' | 'links' | 'fallback';

export interface CommentsTable {
  id: Generated<number>;
  site_id: number;
  article_id: number;
  /** The comment this one answers; null at the top level. */
  parent_id: number | null;
  author_name: string;
  /** Optional, lowercased; shown to moderators only, never on the public site. */
  author_email: string;
  /** Plain text as typed (NFC); always rendered escaped. */
  content: string;
  /** sha-256 of the folded content, for duplicate detection. */
  content_hash: string;
  status: CommentStatus;
  hold_reason: Generated<HoldReason>;
  /** 1: a reply of the editorial board ("Ban biên tập"), written in the back office. */
  official: Generated<number>;
  /** The staff member who wrote an official reply. */
  user_id: number | null;
  /** Salted daily visitor hash of the sender, for abuse handling; never the IP address. */
  visitor: Generated<string>;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  moderated_by: number | null;
  moderated_at: string | null;
}

/** Solved ALTCHA challenges and used fallback-question tokens: each is accepted once. */
export interface CaptchaUsedTable {
  id: string;
  expires_at: string;
}

export interface InteractSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export type CommentRow = Selectable<CommentsTable>;

/** Cookie-less votes of one address on one item today (src/kernel/citizen/vote-cap.ts). */
export interface VoteCapsTable {
  site_id: number;
  /** "a:<article id>" (a rating) or "p:<poll id>". */
  item: string;
  /** Salted daily hash of the network address (an IPv6 address by its /64), never the address. */
  address: string;
  /** The day (Asia/Ho_Chi_Minh) of the salt, for the housekeeping. */
  day: string;
  votes: number;
}
