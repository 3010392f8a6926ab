import type { Db } from '../../kernel/db/connection.js';
import { formatDate, formatNumber } from '../../kernel/lib/format.js';
import { searchFold } from '../../kernel/lib/text.js';
import type { ParsedQuery } from '../../kernel/search/query.js';
import type { SectionResults } from '../../kernel/search/groups.js';
import { POLLS_PATH, pollPath } from './paths.js';
import { listPublicPolls } from './repo.js';

/**
 * Thăm dò ý kiến in the site search (/tim-kiem): a site has a few dozen polls at most, so their
 * questions are folded here (searchFold, as the query is) and every clause must appear as whole
 * words. Drafts open for comment are documents: the library's search finds them.
 */
export async function pollSearch(db: Db, siteId: number, query: Extract<ParsedQuery, { kind: 'ok' }>, _now: Date, limit: number): Promise<SectionResults | null> {
  const polls = await listPublicPolls(db, siteId);
  const matches = polls.filter((p) => {
    const folded = ` ${searchFold(p.question)} `;
    return query.clauses.every((c) => folded.includes(` ${c.join(' ')} `));
  });
  if (!matches.length) return null;
  return {
    heading: 'Thăm dò ý kiến',
    total: matches.length,
    moreHref: matches.length > limit ? POLLS_PATH : undefined,
    items: matches.slice(0, limit).map((p) => ({ title: p.question, href: pollPath(p.id), meta: `${formatDate(p.opens_at)} · ${formatNumber(Number(p.total_votes))} lượt bình chọn` })),
  };
}
