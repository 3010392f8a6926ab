import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertAlbumManager, purgeAlbums } from './purge.js';

/** Removes an album and its list of photos; the images stay in the library (other pages may use them). */
export async function deleteAlbum(cx: CommandContext, id: number): Promise<void> {
  assertAlbumManager(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('albums').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const photos = await tx.selectFrom('album_photos').selectAll().where('site_id', '=', site.id).where('album_id', '=', id).orderBy('position').execute();
    await tx.deleteFrom('album_photos').where('site_id', '=', site.id).where('album_id', '=', id).execute();
    await tx.deleteFrom('albums').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'album.delete', entityType: 'album', entityId: id, before: { ...before, photos } }, now);
  });
  await purgeAlbums(cx);
}
