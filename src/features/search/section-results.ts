import type { Db } from '../../kernel/db/connection.js';
import { documentSearch } from '../documents/sections.js';
import type { ParsedQuery } from './query.js';
import { searchQuestions } from '../questions/search.js';
import { searchProcedures } from '../procedures/search.js';
import { pollSearch } from '../polls/search.js';
import { searchSchedule } from '../schedule/search.js';
import { searchOrganisation } from '../organisation/search.js';

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
