import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

/** Removes a link from the links widget (on every page). */
export async function deleteLink(cx: CommandContext, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('links').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('links').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'link.delete', entityType: 'link', entityId: id, before }, now);
  });
  cx.cache.purgeSite(site.id);
}
