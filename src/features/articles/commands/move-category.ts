import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertSiteAdmin } from '../../sites/commands/context.js';
import { swapped, type Direction } from '../../../kernel/db/ordering.js';
import { childrenOf, loadCategories, renumberTree } from '../category-tree.js';
import type { CommandContext } from '../../../kernel/commands.js';

/**
 * Moves a category one place up or down among its siblings (its children move with it).
 * Moving the first one up or the last one down changes nothing and writes nothing.
 */
export async function moveCategory(cx: CommandContext, id: number, dir: Direction): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const moved = await db.transaction().execute(async (tx) => {
    const rows = await loadCategories(tx, site.id);
    const row = rows.find((r) => r.id === id);
    if (!row) throw new AppError('not_found');
    const children = childrenOf(rows);
    const key = row.parent_id !== null && rows.some((r) => r.id === row.parent_id) ? row.parent_id : null;
    const siblings = children.get(key) ?? [];
    const order = swapped(siblings.map((s) => s.id), id, dir);
    if (!order) return false;
    children.set(key, order.map((sid) => siblings.find((s) => s.id === sid)!));
    await renumberTree(tx, site.id, children);
    await writeAudit(
      tx,
      { siteId: site.id, userId: actor.userId, action: 'category.move', entityType: 'category', entityId: id, before: { order: siblings.map((s) => s.id) }, after: { order } },
      now,
    );
    return true;
  });
  if (moved) cx.cache.purgeSite(site.id);
}
