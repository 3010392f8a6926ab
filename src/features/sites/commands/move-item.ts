import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { urls } from '../../../kernel/http/urls.js';
import { listOrder, swapped, writeOrder, type Direction, type OrderedTable } from '../../../kernel/db/ordering.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

const ENTITY: Record<OrderedTable, string> = {
  links: 'link',
  songs: 'song',
  map_offices: 'map_office',
  pages: 'page',
  menu_items: 'menu_item',
};

/**
 * Moves a link, song, map marker, static page or menu item one place up or down in its site's
 * list. The map's markers only show on the map page and its static image; everything else is
 * in the frame of every page.
 */
export async function moveItem(cx: CommandContext, table: OrderedTable, id: number, dir: Direction): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const moved = await db.transaction().execute(async (tx) => {
    const current = await listOrder(tx, table, site.id);
    const before = current.map((r) => r.id);
    if (!before.includes(id)) throw new AppError('not_found');
    const after = swapped(before, id, dir);
    if (!after) return false;
    await writeOrder(tx, table, site.id, current, after);
    const entity = ENTITY[table];
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${entity}.move`, entityType: entity, entityId: id, before: { order: before }, after: { order: after } }, now);
    return true;
  });
  if (!moved) return;
  if (table === 'map_offices') cx.cache.purgePaths(site.id, [urls.map(), urls.staticMap()]);
  else cx.cache.purgeSite(site.id);
}
