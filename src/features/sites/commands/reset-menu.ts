import { writeAudit } from '../../../kernel/audit.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

/** Empties the configured menu: the site goes back to the default (every category, the first page). */
export async function resetMenu(cx: CommandContext): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const changed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('menu_items').selectAll().where('site_id', '=', site.id).orderBy('position').orderBy('id').execute();
    if (!before.length) return false;
    await tx.deleteFrom('menu_items').where('site_id', '=', site.id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'menu.reset', entityType: 'menu_item', before, after: [] }, now);
    return true;
  });
  if (changed) cx.cache.purgeSite(site.id);
}
