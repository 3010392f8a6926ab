import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { ALBUMS_PATH, albumUrl } from './paths.js';
import { lastAlbumChange } from './repo.js';

/** The list and every published album (photo pages are reached from their album). */
export const albumsSitemap: SitemapSource = async (db, siteId) => {
  const [albums, last] = await Promise.all([
    db.selectFrom('albums').select(['id', 'slug', 'updated_at']).where('site_id', '=', siteId).where('published', '=', 1).orderBy('id', 'desc').limit(5000).execute(),
    lastAlbumChange(db, siteId),
  ]);
  return [{ path: ALBUMS_PATH, lastmod: last ?? undefined }, ...albums.map((a) => ({ path: albumUrl(a), lastmod: a.updated_at }))];
};
