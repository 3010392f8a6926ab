import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { dayText } from '../albums/public/views.js';
import { clipUrl, SECTION_NAME } from './paths.js';

const SCAN = 2000;

/** "Video và phát thanh" on /tim-kiem: published clips whose title or text hold every word, newest first. */
export const searchClips: SectionSearch = async (db, siteId, query, _now, limit) => {
  const rows = await db
    .selectFrom('clips')
    .select(['id', 'kind', 'slug', 'title', 'summary', 'recorded_on'])
    .where('site_id', '=', siteId)
    .where('published', '=', 1)
    .orderBy('recorded_on', 'desc')
    .orderBy('id', 'desc')
    .limit(SCAN)
    .execute();
  const terms = query.terms.slice(0, 12);
  const hits = rows.filter((c) => {
    const text = ` ${searchFold(`${c.title} ${c.summary}`)} `;
    return terms.every((t) => text.includes(` ${t} `));
  });
  if (!hits.length) return null;
  return {
    heading: 'Video và phát thanh',
    items: hits.slice(0, limit).map((c) => ({ title: c.title, href: clipUrl(c), meta: `${SECTION_NAME[c.kind]} · ${dayText(c.recorded_on)}` })),
    total: hits.length,
  };
};
