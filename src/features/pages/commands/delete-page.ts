import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertSiteAdmin } from '../../sites/commands/context.js';
import type { CommandContext } from '../../../kernel/commands.js';

/** Deletes a static page (its menu item goes with it); the footer of every page changes. */
export async function deletePage(cx: CommandContext, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('pages').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('pages').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'page.delete', entityType: 'page', entityId: id, before }, now);
  });
  cx.cache.purgeSite(site.id);
}
