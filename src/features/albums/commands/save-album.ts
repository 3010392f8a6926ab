import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { validateAlbum, type AlbumForm } from '../input.js';
import { assertAlbumManager, purgeAlbums } from './purge.js';

/** Creates an album (id null) or changes one; one transaction with its audit row. */
export async function saveAlbum(cx: CommandContext, id: number | null, form: AlbumForm): Promise<CommandResult> {
  assertAlbumManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateAlbum(form);
  if (!checked.ok) return checked;
  const values = { ...checked.values, slug: slugify(checked.values.title) };
  const stamp = now.toISOString();
  const albumId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('albums')
        .values({ ...values, site_id: site.id, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'album.create', entityType: 'album', entityId: newId, after: values }, now);
      return newId;
    }
    const before = await tx.selectFrom('albums').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('albums').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'album.update', entityType: 'album', entityId: id, before, after: values }, now);
    return id;
  });
  await purgeAlbums(cx);
  return { ok: true, value: albumId };
}
