import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import type { NoticeKind } from './notice-kind.js';
import { listNotices } from './notice-repo.js';
import { shortDay } from './public/days.js';

/**
 * A section's group on /tim-kiem: its notices whose title or text hold every word, newest first,
 * linked to their place on the section's page. A ward writes a few dozen a year: read and filtered here.
 */
export function noticeSearch(kind: NoticeKind, heading: string): SectionSearch {
  return async (db, siteId, query, _now, limit) => {
    const terms = query.terms.slice(0, 12);
    const hits = (await listNotices(db, siteId, kind.kind)).filter((n) => {
      const text = ` ${searchFold(`${n.title} ${n.body}`)} `;
      return terms.every((t) => text.includes(` ${t} `));
    });
    if (!hits.length) return null;
    return {
      heading,
      items: hits.slice(0, limit).map((n) => ({ title: n.title, href: `${kind.publicPath}#tb-${n.id}`, meta: `${kind.dayLabel}: ${shortDay(n.day)}` })),
      total: hits.length,
    };
  };
}
