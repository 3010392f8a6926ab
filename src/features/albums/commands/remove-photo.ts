import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertAlbumManager, purgeAlbums } from './purge.js';

/**
 * Takes a photo out of its album (the image stays in the library) and closes the gap, so the
 * photo pages keep running 1…n. Returns the album's id.
 */
export async function removePhoto(cx: CommandContext, photoId: number): Promise<number> {
  assertAlbumManager(cx);
  const { db, site, actor, now } = cx;
  const albumId = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('album_photos').selectAll().where('site_id', '=', site.id).where('id', '=', photoId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('albums').set({ updated_at: now.toISOString() }).where('site_id', '=', site.id).where('id', '=', before.album_id).execute();
    await tx.deleteFrom('album_photos').where('site_id', '=', site.id).where('id', '=', photoId).execute();
    await tx
      .updateTable('album_photos')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('site_id', '=', site.id)
      .where('album_id', '=', before.album_id)
      .where('position', '>', before.position)
      .execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'album.photo_remove', entityType: 'album_photo', entityId: photoId, before }, now);
    return before.album_id;
  });
  await purgeAlbums(cx);
  return albumId;
}
