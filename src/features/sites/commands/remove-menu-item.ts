import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

/** Takes an entry off the header menu (the category or page itself stays). */
export async function removeMenuItem(cx: CommandContext, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('menu_items').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('menu_items').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'menu.remove', entityType: 'menu_item', entityId: id, before }, now);
  });
  cx.cache.purgeSite(site.id);
}
