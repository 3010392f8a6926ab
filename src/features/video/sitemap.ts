import type { SitemapSource } from '../../kernel/http/sitemap.js';
import type { ClipKind } from '../../kernel/db/tables/gallery.js';
import { clipUrl, SECTION_PATH } from './paths.js';

/** Both lists and every published video and bulletin. */
export const videoSitemap: SitemapSource = async (db, siteId) => {
  const clips = await db.selectFrom('clips').select(['id', 'kind', 'slug', 'updated_at']).where('site_id', '=', siteId).where('published', '=', 1).orderBy('id', 'desc').limit(5000).execute();
  const lists = (['video', 'audio'] as ClipKind[]).map((k) => ({ path: SECTION_PATH[k] }));
  return [...lists, ...clips.map((c) => ({ path: clipUrl(c), lastmod: c.updated_at }))];
};
