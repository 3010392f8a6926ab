import type { Db } from '../../kernel/db/connection.js';
import type { AlbumPhotoRow, AlbumRow } from '../../kernel/db/tables/gallery.js';
import type { MediaRow } from '../../kernel/db/tables/media.js';

/** Queries of Thư viện ảnh. Every function takes the site and scopes by it. */

export type PhotoImage = Pick<MediaRow, 'disk_path' | 'mime' | 'width' | 'height' | 'variants'>;
export type AlbumPhoto = AlbumPhotoRow & { image: PhotoImage };
export type AlbumCard = AlbumRow & { photos: number; cover: (PhotoImage & { alt: string }) | null };

export function findAlbum(db: Db, siteId: number, id: number, opts: { drafts?: boolean } = {}): Promise<AlbumRow | undefined> {
  let q = db.selectFrom('albums').selectAll().where('site_id', '=', siteId).where('id', '=', id);
  if (!opts.drafts) q = q.where('published', '=', 1);
  return q.executeTakeFirst();
}

/** The photos of an album in order, each with its image files (one query). */
export async function listPhotos(db: Db, siteId: number, albumId: number): Promise<AlbumPhoto[]> {
  const rows = await db
    .selectFrom('album_photos as p')
    .innerJoin('media as m', (j) => j.onRef('m.id', '=', 'p.media_id').onRef('m.site_id', '=', 'p.site_id'))
    .select(['p.id', 'p.site_id', 'p.album_id', 'p.media_id', 'p.position', 'p.caption', 'p.alt', 'm.disk_path', 'm.mime', 'm.width', 'm.height', 'm.variants'])
    .where('p.site_id', '=', siteId)
    .where('p.album_id', '=', albumId)
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
  return rows.map(({ disk_path, mime, width, height, variants, ...p }) => ({ ...p, image: { disk_path, mime, width, height, variants } }));
}

/**
 * Albums newest first (by the day taken, then id), each with its photo count and first photo
 * (positions run 1…n without gaps: the commands keep them so): three queries for the whole list.
 */
export async function listAlbums(db: Db, siteId: number, opts: { drafts?: boolean; limit: number; offset?: number }): Promise<AlbumCard[]> {
  let q = db.selectFrom('albums').selectAll().where('site_id', '=', siteId);
  if (!opts.drafts) q = q.where('published', '=', 1);
  const albums = await q.orderBy('taken_on', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
  if (!albums.length) return [];
  const ids = albums.map((a) => a.id);
  const [counts, firsts] = await Promise.all([
    db
      .selectFrom('album_photos')
      .select(['album_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('site_id', '=', siteId)
      .where('album_id', 'in', ids)
      .groupBy('album_id')
      .execute(),
    db
      .selectFrom('album_photos as p')
      .innerJoin('media as m', (j) => j.onRef('m.id', '=', 'p.media_id').onRef('m.site_id', '=', 'p.site_id'))
      .select(['p.album_id', 'p.position', 'p.alt', 'm.disk_path', 'm.mime', 'm.width', 'm.height', 'm.variants'])
      .where('p.site_id', '=', siteId)
      .where('p.album_id', 'in', ids)
      .where('p.position', '=', 1)
      .execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.album_id, Number(c.n)]));
  return albums.map((a) => {
    const first = firsts.find((f) => f.album_id === a.id);
    const cover = first ? { disk_path: first.disk_path, mime: first.mime, width: first.width, height: first.height, variants: first.variants, alt: first.alt } : null;
    return { ...a, photos: countOf.get(a.id) ?? 0, cover };
  });
}

export async function countAlbums(db: Db, siteId: number): Promise<number> {
  const r = await db.selectFrom('albums').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', siteId).where('published', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The newest change among published albums, for Last-Modified and the sitemap. */
export async function lastAlbumChange(db: Db, siteId: number): Promise<string | null> {
  const r = await db.selectFrom('albums').select((eb) => eb.fn.max('updated_at').as('t')).where('site_id', '=', siteId).where('published', '=', 1).executeTakeFirst();
  return (r?.t as string | null | undefined) ?? null;
}
