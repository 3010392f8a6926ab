import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { validateClip, type ClipForm } from '../input.js';
import { assertClipManager, purgeClips } from './purge.js';

const WRONG_FILE: Record<ClipKind, string> = {
  video: 'Không tìm thấy tệp video (MP4, WebM) với mã này trong Thư viện tệp của trang.',
  audio: 'Không tìm thấy tệp âm thanh (MP3, OGG) với mã này trong Thư viện tệp của trang.',
};
export const NO_POSTER = 'Không tìm thấy ảnh với mã này trong Thư viện tệp của trang.';

/** Adds a video or bulletin (id null) or changes one; the files must be the site's own, of the right kind. */
export async function saveClip(cx: CommandContext, kind: ClipKind, id: number | null, form: ClipForm): Promise<CommandResult> {
  assertClipManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateClip(kind, form);
  if (!checked.ok) return checked;
  const values = { ...checked.values, slug: slugify(checked.values.title) };
  const stamp = now.toISOString();
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const kindOf = async (mediaId: number) => (await tx.selectFrom('media').select('kind').where('site_id', '=', site.id).where('id', '=', mediaId).executeTakeFirst())?.kind;
    const errors: Record<string, string> = {};
    if (values.media_id !== null && (await kindOf(values.media_id)) !== kind) errors.media_id = WRONG_FILE[kind];
    if (values.poster_media_id !== null && (await kindOf(values.poster_media_id)) !== 'image') errors.poster_media_id = NO_POSTER;
    if (Object.keys(errors).length) return { ok: false, errors };
    if (id === null) {
      const { id: newId } = await tx.insertInto('clips').values({ ...values, kind, site_id: site.id, created_at: stamp, updated_at: stamp }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind === 'video' ? 'video' : 'bulletin'}.create`, entityType: 'clip', entityId: newId, after: values }, now);
      return { ok: true, value: newId };
    }
    const before = await tx.selectFrom('clips').selectAll().where('site_id', '=', site.id).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('clips').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind === 'video' ? 'video' : 'bulletin'}.update`, entityType: 'clip', entityId: id, before, after: values }, now);
    return { ok: true, value: id };
  });
  if (result.ok) purgeClips(cx, kind);
  return result;
}
