import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { validatePhoto, type PhotoForm } from '../input.js';
import { assertAlbumManager, purgeAlbums } from './purge.js';

export const NOT_AN_IMAGE = 'Không tìm thấy ảnh với mã này trong Thư viện tệp của trang.';

/**
 * Adds an image of the site's library at the end of an album, with its caption and alt text.
 * The album row is locked first (updated before the position is read), so two photos added at
 * once never take the same position.
 */
export async function addPhoto(cx: CommandContext, albumId: number, form: PhotoForm): Promise<CommandResult> {
  assertAlbumManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validatePhoto(form);
  if (!checked.ok) return checked;
  const values = checked.values;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const touched = await tx.updateTable('albums').set({ updated_at: now.toISOString() }).where('site_id', '=', site.id).where('id', '=', albumId).executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 0) throw new AppError('not_found');
    const image = await tx.selectFrom('media').select('kind').where('site_id', '=', site.id).where('id', '=', values.media_id).executeTakeFirst();
    if (image?.kind !== 'image') return { ok: false, errors: { media_id: NOT_AN_IMAGE } };
    const last = await tx
      .selectFrom('album_photos')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('site_id', '=', site.id)
      .where('album_id', '=', albumId)
      .executeTakeFirst();
    const position = Number(last?.p ?? 0) + 1;
    const row = { site_id: site.id, album_id: albumId, position, ...values };
    const { id } = await tx.insertInto('album_photos').values(row).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'album.photo_add', entityType: 'album_photo', entityId: id, after: row }, now);
    return { ok: true, value: id };
  });
  if (result.ok) await purgeAlbums(cx);
  return result;
}
