import { writeAudit } from '../../../kernel/audit.js';
import { nextPosition } from '../../../kernel/db/ordering.js';
import type { PublicSection } from '../../../kernel/feature.js';
import { fail } from '../../../kernel/forms.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from './context.js';

type Target = { column: 'category_id' | 'page_id'; id: number } | { column: 'section'; key: string };

/** "c:<id>" a category, "p:<id>" a static page, "s:<key>" a feature's public section. */
function parseTarget(target: string, sections: readonly PublicSection[]): Target | null {
  const m = /^([cps]):([a-z0-9-]{1,40})$/.exec(target.trim());
  if (!m) return null;
  if (m[1] === 's') return sections.some((s) => s.key === m[2]) ? { column: 'section', key: m[2]! } : null;
  const id = parseId(m[2]);
  if (id === null) return null;
  return { column: m[1] === 'c' ? 'category_id' : 'page_id', id };
}

/**
 * Adds a category, a static page or a section of this site at the end of the header menu. The
 * first item replaces the default menu on every page.
 */
export async function addMenuItem(cx: CommandContext, target: string, sections: readonly PublicSection[]): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const t = parseTarget(target, sections);
  if (!t) return fail({ target: 'Vui lòng chọn chuyên mục, trang hoặc mục thông tin cần thêm vào thanh menu.' });

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    let label: string;
    if (t.column === 'section') {
      label = sections.find((s) => s.key === t.key)!.label;
    } else {
      const exists =
        t.column === 'category_id'
          ? await tx.selectFrom('categories').select('name as label').where('site_id', '=', site.id).where('id', '=', t.id).executeTakeFirst()
          : await tx.selectFrom('pages').select('title as label').where('site_id', '=', site.id).where('id', '=', t.id).executeTakeFirst();
      if (!exists) return fail({ target: 'Chuyên mục hoặc trang đã chọn không còn tồn tại.' });
      label = exists.label;
    }
    const value = t.column === 'section' ? t.key : t.id;
    const already = await tx.selectFrom('menu_items').select('id').where('site_id', '=', site.id).where(t.column, '=', value).executeTakeFirst();
    if (already) return fail({ target: `“${label}” đã có trên thanh menu.` });
    const position = await nextPosition(tx, 'menu_items', site.id);
    const values = {
      site_id: site.id,
      category_id: t.column === 'category_id' ? t.id : null,
      page_id: t.column === 'page_id' ? t.id : null,
      section: t.column === 'section' ? t.key : null,
      position,
    };
    const { id } = await tx.insertInto('menu_items').values(values).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'menu.add', entityType: 'menu_item', entityId: id, after: { [t.column]: value, label, position } }, now);
    return { ok: true, value: id };
  });
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
