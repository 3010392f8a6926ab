import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { fail, id as idRule, line, take, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, SLUG_MESSAGE, SLUG_RE } from '../../sites/commands/context.js';
import { childrenOf, loadCategories, renumberTree, subtreeIds } from '../category-tree.js';
import { recordMove } from '../../../kernel/sites/redirects.js';
import { urls } from '../../../kernel/http/urls.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';

/** What the category form posts, as typed. */
export interface CategoryForm {
  name: string;
  slug: string;
  parent_id: string;
}

export const EMPTY_CATEGORY: CategoryForm = { name: '', slug: '', parent_id: '' };

/**
 * Creates a category (at the end of its parent's children) or renames it, changes its slug or
 * moves it under another parent. The slug defaults to the name's; a category cannot go under
 * itself or its own descendants. One transaction; the whole public site is purged because the
 * menu on every page lists categories.
 */
export async function saveCategory(cx: CommandContext, id: number | null, form: CategoryForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const rows = await loadCategories(tx, site.id);
    const found = id === null ? null : rows.find((r) => r.id === id);
    if (found === undefined) throw new AppError('not_found');
    // A copy: the rows are updated in memory below to renumber the tree.
    const before = found && { ...found };

    const errors: FieldErrors = {};
    const name = line(form.name, { label: 'tên chuyên mục', max: 120 });
    if (name.error) errors.name = name.error;
    const slug = (form.slug.trim() || slugify(name.value)).toLowerCase();
    if (!slug) errors.slug = 'Vui lòng nhập đường dẫn (chữ thường không dấu).';
    else if (slug.length > 80) errors.slug = 'Đường dẫn dài tối đa 80 ký tự.';
    else if (!SLUG_RE.test(slug)) errors.slug = SLUG_MESSAGE;
    else if (rows.some((r) => r.slug === slug && r.id !== id)) errors.slug = `Đường dẫn “${slug}” đã được dùng cho chuyên mục khác của trang.`;
    const parentId = take(errors, 'parent_id', idRule(form.parent_id, { label: 'chuyên mục cha', optional: true }));
    if (parentId !== null) {
      if (!rows.some((r) => r.id === parentId)) errors.parent_id = 'Chuyên mục cha không hợp lệ.';
      else if (id !== null && subtreeIds(rows, id).has(parentId)) errors.parent_id = 'Không thể đặt chuyên mục nằm trong chính nó hoặc chuyên mục con của nó.';
    }
    if (Object.keys(errors).length) return fail(errors);

    const end = rows.length ? Math.max(...rows.map((r) => r.position)) + 1 : 0;
    const values = { name: name.value, slug, parent_id: parentId };
    let savedId: number;
    if (before === null) {
      const inserted = await tx.insertInto('categories').values({ ...values, site_id: site.id, position: end }).returning('id').executeTakeFirstOrThrow();
      savedId = inserted.id;
      rows.push({ ...values, id: savedId, site_id: site.id, position: end });
    } else {
      savedId = before.id;
      // A category that changes parent goes to the end of its new siblings.
      const position = before.parent_id === parentId ? before.position : end;
      await tx.updateTable('categories').set({ ...values, position }).where('site_id', '=', site.id).where('id', '=', savedId).execute();
      Object.assign(rows.find((r) => r.id === savedId)!, values, { position });
      if (before.slug !== slug) await recordMove(tx, site.id, urls.category(before.slug), urls.category(slug), now);
    }
    await renumberTree(tx, site.id, childrenOf(rows));
    await writeAudit(
      tx,
      {
        siteId: site.id, userId: actor.userId, action: before ? 'category.update' : 'category.create', entityType: 'category', entityId: savedId,
        before: before ? { name: before.name, slug: before.slug, parent_id: before.parent_id } : undefined, after: values,
      },
      now,
    );
    return { ok: true, value: savedId };
  });
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
