import type { Db } from '../db/connection.js';
import type { ParsedQuery } from './query.js';

/** A few matches from a section other than news (documents, answered questions…). */
export interface SectionResults {
  /** Heading of the group on the results page ("Văn bản", "Hỏi đáp"). */
  heading: string;
  items: { title: string; href: string; /** e.g. the document number and date. */ meta?: string }[];
  /** The section's own search with the same words, when there are more. */
  moreHref?: string;
  total: number;
}

/**
 * Searches one section of one site for an already parsed query (see query.ts); returns null
 * when nothing matches. Published items only, at most `limit` of them.
 */
export type SectionSearch = (db: Db, siteId: number, query: Extract<ParsedQuery, { kind: 'ok' }>, now: Date, limit: number) => Promise<SectionResults | null>;
