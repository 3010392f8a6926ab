import type { Db } from '../../kernel/db/connection.js';
import type { ClipKind, ClipRow } from '../../kernel/db/tables/gallery.js';
import type { MediaRow } from '../../kernel/db/tables/media.js';

/** Queries of Video and Bản tin phát thanh. Every function takes the site and scopes by it. */

export type ClipFile = Pick<MediaRow, 'id' | 'kind' | 'disk_path' | 'mime' | 'width' | 'height' | 'variants' | 'alt' | 'bytes'>;
export type Clip = ClipRow & { file: ClipFile | null; poster: ClipFile | null };

/** The clips' files and posters, all in one query. */
async function withFiles(db: Db, siteId: number, rows: ClipRow[]): Promise<Clip[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.media_id, r.poster_media_id]).filter((x): x is number => x !== null))];
  const files = ids.length
    ? await db.selectFrom('media').select(['id', 'kind', 'disk_path', 'mime', 'width', 'height', 'variants', 'alt', 'bytes']).where('site_id', '=', siteId).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({ ...r, file: r.media_id === null ? null : (byId.get(r.media_id) ?? null), poster: r.poster_media_id === null ? null : (byId.get(r.poster_media_id) ?? null) }));
}

export async function listClips(db: Db, siteId: number, kind: ClipKind, opts: { drafts?: boolean; limit: number }): Promise<Clip[]> {
  let q = db.selectFrom('clips').selectAll().where('site_id', '=', siteId).where('kind', '=', kind);
  if (!opts.drafts) q = q.where('published', '=', 1);
  return withFiles(db, siteId, await q.orderBy('recorded_on', 'desc').orderBy('id', 'desc').limit(opts.limit).execute());
}

export async function findClip(db: Db, siteId: number, kind: ClipKind, id: number, opts: { drafts?: boolean } = {}): Promise<Clip | undefined> {
  let q = db.selectFrom('clips').selectAll().where('site_id', '=', siteId).where('kind', '=', kind).where('id', '=', id);
  if (!opts.drafts) q = q.where('published', '=', 1);
  const row = await q.executeTakeFirst();
  return row ? (await withFiles(db, siteId, [row]))[0] : undefined;
}

/** The newest change among a kind's published clips, for Last-Modified and the sitemap. */
export async function lastClipChange(db: Db, siteId: number, kind: ClipKind): Promise<string | null> {
  const r = await db.selectFrom('clips').select((eb) => eb.fn.max('updated_at').as('t')).where('site_id', '=', siteId).where('kind', '=', kind).where('published', '=', 1).executeTakeFirst();
  return (r?.t as string | null | undefined) ?? null;
}
