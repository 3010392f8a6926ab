import type { Db } from '../../kernel/db/connection.js';
import { srcsetFor, type ResponsiveImage } from './present.js';

/** The responsive cover image of an article, when it has one in its site's library. */
export async function coverOf(db: Db, a: { site_id: number; cover_media_id: number | null }): Promise<ResponsiveImage | undefined> {
  if (a.cover_media_id === null) return undefined;
  const m = await db
    .selectFrom('media')
    .select(['disk_path', 'mime', 'width', 'height', 'variants'])
    .where('site_id', '=', a.site_id)
    .where('id', '=', a.cover_media_id)
    .where('kind', '=', 'image')
    .executeTakeFirst();
  return m ? srcsetFor(m) : undefined;
}
