import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { mediaPolicy } from '../policy.js';
import { allPaths } from '../present.js';
import { findMedia, findUses, isUsed, type MediaUses } from '../repo.js';
import { removeFiles } from '../storage.js';
import type { MediaCommandContext } from './context.js';

export type DeleteResult = { ok: true } | { ok: false; message: string; uses: MediaUses };

const quoted = (items: { title: string }[]) => items.map((i) => `“${i.title}”`).join(', ');

/** "Không thể xóa … bài viết “A”, “B”; bài hát “C”." */
export function inUseMessage(u: MediaUses): string {
  const parts = [
    u.articles.length ? `bài viết ${quoted(u.articles)}` : '',
    u.pages.length ? `trang ${quoted(u.pages)}` : '',
    u.songs.length ? `bài hát ${quoted(u.songs)}` : '',
    u.people.length ? `ảnh chân dung của ${quoted(u.people)}` : '',
    u.appearance.length ? u.appearance.map((a) => a.title.toLowerCase()).join(', ') : '',
    u.albums.length ? `album ảnh ${quoted(u.albums)}` : '',
    u.clips.length ? `video, bản tin ${quoted(u.clips)}` : '',
  ].filter(Boolean);
  return `Không thể xóa tệp này vì đang được dùng trong ${parts.join('; ')}. Hãy gỡ tệp khỏi những nơi này trước.`;
}

/**
 * Deletes a file that nothing uses: the row and its audit row in one transaction, then the files
 * from the store. Nothing public can link it (that is what the check is for), so no page is purged.
 */
export async function deleteMedia(cx: MediaCommandContext, id: number): Promise<DeleteResult> {
  const { db, site, actor, now, media } = cx;
  const result = await db.transaction().execute(async (tx) => {
    const media = await findMedia(tx, site.id, id);
    if (!media) throw new AppError('not_found');
    if (!mediaPolicy.delete(actor, media)) throw new AppError('forbidden');
    const uses = await findUses(tx, site.id, media);
    if (isUsed(uses)) return { ok: false as const, message: inUseMessage(uses), uses };
    await tx.deleteFrom('media').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'media.delete', entityType: 'media', entityId: id, before: media }, now);
    return { ok: true as const, paths: allPaths(media) };
  });
  if (!result.ok) return result;
  // After the commit: a failed commit must not lose files that are still listed.
  await removeFiles(media, result.paths);
  return { ok: true };
}
