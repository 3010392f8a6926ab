import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertClipManager, purgeClips } from './purge.js';

/** Removes a video or bulletin; its files stay in the library. */
export async function deleteClip(cx: CommandContext, kind: ClipKind, id: number): Promise<void> {
  assertClipManager(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('clips').selectAll().where('site_id', '=', site.id).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('clips').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind === 'video' ? 'video' : 'bulletin'}.delete`, entityType: 'clip', entityId: id, before }, now);
  });
  purgeClips(cx, kind);
}
