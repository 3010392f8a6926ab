import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { NoticeKind } from '../notice-kind.js';
import { assertDisclosureManager } from './guard.js';
import { noticePurge } from './save-notice.js';

/** Removes a notice of a section, with its audit row; a second delete of the same one is a 404. */
export async function deleteNotice(cx: CommandContext, kind: NoticeKind, id: number): Promise<void> {
  assertDisclosureManager(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('disclosure_notices').selectAll().where('site_id', '=', site.id).where('kind', '=', kind.kind).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const gone = await tx.deleteFrom('disclosure_notices').where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!gone.numDeletedRows) throw new AppError('not_found');
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind.audit}.delete`, entityType: 'disclosure_notice', entityId: id, before }, now);
  });
  cx.cache.purgePaths(site.id, noticePurge(kind));
}
