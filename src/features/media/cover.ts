import type { Db } from '../../kernel/db/connection.js';
import { srcsetFor, type ResponsiveImage } from './present.js';

/** The responsive cover image of an article, when it has one in its site's library. */
export async function coverOf(db: Db, a: { site_id: number; cover_media_id: number | null }, sizes?: string): Promise<ResponsiveImage | undefined> {
  if (a.cover_media_id === null) return undefined;
  const m = await db
    .selectFrom('media')
    .select(['disk_path', 'mime', 'width', 'height', 'variants'])
    .where('site_id', '=', a.site_id)
    .where('id', '=', a.cover_media_id)
    .where('kind', '=', 'image')
    .executeTakeFirst();
  return m ? srcsetFor(m, sizes) : undefined;
}

/**
 * The covers of a whole list of articles in one query (never one per item), keyed by media id.
 * `sizes` says how wide the picture is shown in that list.
 */
export async function coversOf(db: Db, siteId: number, items: readonly { cover_media_id: number | null }[], sizes: string): Promise<Map<number, ResponsiveImage>> {
  const ids = [...new Set(items.flatMap((a) => (a.cover_media_id === null ? [] : [a.cover_media_id])))];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(['id', 'disk_path', 'mime', 'width', 'height', 'variants'])
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .where('kind', '=', 'image')
    .execute();
  return new Map(rows.map((m) => [m.id, srcsetFor(m, sizes)]));
}
