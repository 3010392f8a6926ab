import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { songFieldErrors, type SongForm } from './add-song.js';
import { fail } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from './context.js';

/** Renames a song of the playlist or corrects its performer. */
export async function updateSong(cx: CommandContext, id: number, form: SongForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const { values, errors } = songFieldErrors(form);
  if (Object.keys(errors).length) return fail(errors);
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('songs').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('songs').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'song.update', entityType: 'song', entityId: id, before: { title: before.title, artist: before.artist }, after: values }, now);
  });
  cx.cache.purgeSite(site.id);
  return { ok: true, value: id };
}
