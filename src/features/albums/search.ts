import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { albumUrl } from './paths.js';
import { dayText } from './public/views.js';

/** How many albums the search reads: a ward makes a few a month. */
const SCAN = 2000;

/**
 * "Thư viện ảnh" group on /tim-kiem: published albums whose name, description or photo captions
 * hold every word, newest first.
 */
export const searchAlbums: SectionSearch = async (db, siteId, query, _now, limit) => {
  const [albums, captions] = await Promise.all([
    db
      .selectFrom('albums')
      .select(['id', 'slug', 'title', 'description', 'taken_on'])
      .where('site_id', '=', siteId)
      .where('published', '=', 1)
      .orderBy('taken_on', 'desc')
      .orderBy('id', 'desc')
      .limit(SCAN)
      .execute(),
    db.selectFrom('album_photos').select(['album_id', 'caption']).where('site_id', '=', siteId).where('caption', '!=', '').execute(),
  ]);
  const words = new Map<number, string[]>();
  for (const c of captions) words.set(c.album_id, [...(words.get(c.album_id) ?? []), c.caption]);
  const terms = query.terms.slice(0, 12);
  const hits = albums.filter((a) => {
    const text = ` ${searchFold([a.title, a.description, ...(words.get(a.id) ?? [])].join(' '))} `;
    return terms.every((t) => text.includes(` ${t} `));
  });
  if (!hits.length) return null;
  return {
    heading: 'Thư viện ảnh',
    items: hits.slice(0, limit).map((a) => ({ title: a.title, href: albumUrl(a), meta: a.taken_on ? `Ngày chụp ${dayText(a.taken_on)}` : undefined })),
    total: hits.length,
  };
};
