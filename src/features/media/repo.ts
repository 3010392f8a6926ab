import type { Db } from '../../kernel/db/connection.js';
import { searchFold } from '../../kernel/lib/text.js';
import { allPaths, mediaUrl } from './present.js';
import type { MediaRow } from '../../kernel/db/tables/media.js';
import type { SiteSettings } from '../../kernel/sites/settings.js';
import type { MediaKind } from './sniff.js';

/** Queries of the media library. Every function takes the site and scopes by it. */
export interface MediaFilter {
  kind?: MediaKind;
  /** Free text, folded: "hong linh" finds "Hồng Lĩnh". */
  text?: string;
  /** Keyset cursor: rows older than this (created_at, id). */
  after?: { createdAt: string; id: number };
  limit: number;
}

export async function listMedia(db: Db, siteId: number, f: MediaFilter): Promise<MediaRow[]> {
  let q = db.selectFrom('media').selectAll().where('site_id', '=', siteId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  for (const word of searchFold(f.text ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    // searchFold leaves only letters, digits and spaces, so no LIKE wildcard can get through.
    q = q.where('name_fold', 'like', `%${word}%`);
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function findMedia(db: Db, siteId: number, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function findMediaByPath(db: Db, siteId: number, diskPath: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('site_id', '=', siteId).where('disk_path', '=', diskPath).executeTakeFirst();
}

export interface MediaUses {
  articles: { id: number; title: string }[];
  pages: { id: number; title: string }[];
  songs: { id: number; title: string }[];
  /** Portraits of people on the organisation pages (src/features/organisation). */
  people: { id: number; title: string }[];
  /** The site's logo or header banner (src/features/sites/appearance.ts), by what it is used as. */
  appearance: { title: string }[];
  /** Photo albums that show it (src/features/albums). */
  albums: { id: number; title: string }[];
  /** Videos and bulletins that play it or show it as their poster (src/features/video). */
  clips: { id: number; title: string }[];
}

export const isUsed = (u: MediaUses) => u.articles.length + u.pages.length + u.songs.length + u.people.length + u.appearance.length + u.albums.length + u.clips.length > 0;

/**
 * Where a file is used on its site: articles that link it in their body or have it as cover,
 * static pages that link it, songs that play it. Every stored name starts with a random stem
 * unique to the upload, so one LIKE on the stem also finds links to any of its variants.
 */
export async function findUses(db: Db, siteId: number, m: Pick<MediaRow, 'id' | 'disk_path' | 'variants'>): Promise<MediaUses> {
  const stem = `%${mediaUrl(m.disk_path.replace(/\.[a-z0-9]+$/, ''))}%`;
  const [articles, pages, songs, people, site, albums, clips] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where('site_id', '=', siteId)
      .where((eb) => eb.or([eb('cover_media_id', '=', m.id), eb('body_html', 'like', stem)]))
      .orderBy('id')
      .execute(),
    db.selectFrom('pages').select(['id', 'title']).where('site_id', '=', siteId).where('body_html', 'like', stem).orderBy('id').execute(),
    db.selectFrom('songs').select(['id', 'title']).where('site_id', '=', siteId).where('file_path', 'in', allPaths(m)).orderBy('id').execute(),
    db.selectFrom('org_people').select(['id', 'full_name as title']).where('site_id', '=', siteId).where('photo_media_id', '=', m.id).orderBy('id').execute(),
    db.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirst(),
    db
      .selectFrom('albums')
      .select(['id', 'title'])
      .where('site_id', '=', siteId)
      .where('id', 'in', (eb) => eb.selectFrom('album_photos').select('album_id').where('site_id', '=', siteId).where('media_id', '=', m.id))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('clips')
      .select(['id', 'title'])
      .where('site_id', '=', siteId)
      .where((eb) => eb.or([eb('media_id', '=', m.id), eb('poster_media_id', '=', m.id)]))
      .orderBy('id')
      .execute(),
  ]);
  const look = site ? (JSON.parse(site.settings) as SiteSettings).appearance : undefined;
  const appearance = [
    ...(look?.logoMediaId === m.id ? [{ title: 'Biểu trưng của trang' }] : []),
    ...(look?.bannerMediaId === m.id ? [{ title: 'Ảnh nền đầu trang' }] : []),
  ];
  return { articles, pages, songs, people, appearance, albums, clips };
}
