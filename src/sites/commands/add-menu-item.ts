import { writeAudit } from '../../audit/log.js';
import { nextPosition } from '../ordering.js';
import { assertSiteAdmin, fail, type CommandContext, type CommandResult } from './context.js';

/**
 * Adds a category ("c:<id>") or a static page ("p:<id>") of this site at the end of the header
 * menu. The first item replaces the default menu on every page.
 */
export async function addMenuItem(cx: CommandContext, target: string): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const m = /^([cp]):(\d{1,12})$/.exec(target.trim());
  if (!m) return fail({ target: 'Vui lòng chọn chuyên mục hoặc trang cần thêm vào thanh menu.' });
  const kind = m[1] === 'c' ? 'category' : 'page';
  const targetId = Number(m[2]);

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const exists =
      kind === 'category'
        ? await tx.selectFrom('categories').select('name as label').where('site_id', '=', site.id).where('id', '=', targetId).executeTakeFirst()
        : await tx.selectFrom('pages').select('title as label').where('site_id', '=', site.id).where('id', '=', targetId).executeTakeFirst();
    if (!exists) return fail({ target: 'Chuyên mục hoặc trang đã chọn không còn tồn tại.' });
    const column = kind === 'category' ? 'category_id' : 'page_id';
    const already = await tx.selectFrom('menu_items').select('id').where('site_id', '=', site.id).where(column, '=', targetId).executeTakeFirst();
    if (already) return fail({ target: `“${exists.label}” đã có trên thanh menu.` });
    const position = await nextPosition(tx, 'menu_items', site.id);
    const values = { site_id: site.id, category_id: kind === 'category' ? targetId : null, page_id: kind === 'page' ? targetId : null, position };
    const { id } = await tx.insertInto('menu_items').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'menu.add', entityType: 'menu_item', entityId: id, after: { [column]: targetId, label: exists.label, position } }, now);
    return { ok: true, value: id };
  });
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
