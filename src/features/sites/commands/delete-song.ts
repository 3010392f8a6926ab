import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findMediaByPath } from '../../media/repo.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

/**
 * Removes a song from the playlist. A file from the media library stays there (the library
 * deletes its own files); a file that belonged to the song alone (imported or demo songs) is
 * removed once the row is gone.
 */
export async function deleteSong(cx: CommandContext, media: MediaStorage, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const before = await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('songs').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await tx.deleteFrom('songs').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'song.delete', entityType: 'song', entityId: id, before: row }, now);
    return row;
  });
  cx.cache.purgeSite(site.id);
  const path = before.file_path;
  const shared = await db.selectFrom('songs').select('id').where('site_id', '=', site.id).where('file_path', '=', path).executeTakeFirst();
  if (!shared && path.startsWith(`${site.code}/`) && !(await findMediaByPath(db, site.id, path))) {
    await removeFiles(media, [path]).catch(() => undefined);
  }
}
