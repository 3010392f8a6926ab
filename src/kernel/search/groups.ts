import type { Db } from '../db/connection.js';
import { documentSearch } from '../../features/documents/sections.js';
import type { ParsedQuery } from './query.js';
import { searchQuestions } from '../../features/questions/search.js';
import { searchProcedures } from '../../features/procedures/search.js';
import { pollSearch } from '../../features/polls/search.js';
import { searchSchedule } from '../../features/schedule/search.js';
import { searchOrganisation } from '../../features/organisation/search.js';

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

/** Each section searched on /tim-kiem besides articles; each feature adds its own line. */
export const sectionSearches: SectionSearch[] = [documentSearch, searchProcedures, searchQuestions, searchSchedule, pollSearch, searchOrganisation];
