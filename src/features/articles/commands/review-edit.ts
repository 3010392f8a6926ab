import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import type { PendingEditStatus } from '../../../kernel/db/tables/article-review.js';
import type { PendingEditRow } from '../../../kernel/db/tables/article-review.js';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findArticle } from '../admin-repo.js';
import { articlePolicy } from '../policy.js';
import { findPendingEdit } from '../review-repo.js';

/**
 * Moves a pending edit between editing, submitted and returned: one transaction, only if nobody
 * changed it in between, with its audit row. Nothing public changes, so nothing is purged.
 */
async function moveEdit(
  cx: CommandContext,
  articleId: number,
  action: string,
  allowed: (a: ArticleRow, e: PendingEditRow) => boolean,
  set: { status: PendingEditStatus; return_reason: string },
): Promise<void> {
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const [article, pending] = await Promise.all([findArticle(tx, site.id, articleId), findPendingEdit(tx, site.id, articleId)]);
    if (!article || !pending) throw new AppError('not_found');
    if (!allowed(article, pending)) throw new AppError('forbidden');
    const r = await tx
      .updateTable('article_pending_edits')
      .set({ ...set, updated_at: now.toISOString() })
      .where('site_id', '=', site.id)
      .where('id', '=', pending.id)
      .where('updated_at', '=', pending.updated_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict');
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action, entityType: 'article', entityId: articleId, before: { status: pending.status }, after: { status: set.status, return_reason: set.return_reason || undefined } }, now);
  });
}

/** "Gửi duyệt bản sửa": sending changes no text, so the editors list stays as it is. */
export function submitPendingEdit(cx: CommandContext, articleId: number): Promise<void> {
  return moveEdit(cx, articleId, 'article.edit_submit', (a, e) => articlePolicy.submitEdit(cx.actor, a, e), { status: 'submitted', return_reason: '' });
}

/** "Trả lại bản sửa", with the reason the editors read. */
export async function returnPendingEdit(cx: CommandContext, articleId: number, reason: string): Promise<CommandResult<null>> {
  const r = reason.normalize('NFC').trim();
  if (!r) return { ok: false, errors: { edit_reason: 'Vui lòng nhập lý do trả lại bản sửa để người sửa biết cần sửa gì.' } };
  if (r.length > 2000) return { ok: false, errors: { edit_reason: 'Lý do trả lại dài tối đa 2000 ký tự.' } };
  await moveEdit(cx, articleId, 'article.edit_return', (a, e) => articlePolicy.returnEdit(cx.actor, a, e), { status: 'returned', return_reason: r });
  return { ok: true, value: null };
}
