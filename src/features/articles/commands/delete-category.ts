import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import { fail } from '../../../kernel/forms.js';
import { assertSiteAdmin } from '../../sites/commands/context.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';

/**
 * Deletes a category nobody uses: refused, with the count, while articles (in any status) or
 * child categories belong to it. Its menu item goes with it (foreign key cascade).
 */
export async function deleteCategory(cx: CommandContext, id: number): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const before = await tx.selectFrom('categories').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
    const articles = await count(
      tx.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', site.id).where('category_id', '=', id).executeTakeFirst(),
    );
    if (articles > 0) {
      return fail({ _form: `Không thể xoá chuyên mục “${before.name}” vì còn ${formatNumber(articles)} bài viết thuộc chuyên mục này. Hãy chuyển các bài viết sang chuyên mục khác trước.` });
    }
    const children = await count(
      tx.selectFrom('categories').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', site.id).where('parent_id', '=', id).executeTakeFirst(),
    );
    if (children > 0) {
      return fail({ _form: `Không thể xoá chuyên mục “${before.name}” vì còn ${formatNumber(children)} chuyên mục con. Hãy chuyển hoặc xoá các chuyên mục con trước.` });
    }
    await tx.deleteFrom('categories').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'category.delete', entityType: 'category', entityId: id, before }, now);
    return { ok: true, value: id };
  });
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}
