import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { searchFold, slugify } from '../../../kernel/lib/text.js';
import { syncArticleIndex } from '../../search/indexer.js';
import { findArticle } from '../admin-repo.js';
import { articlePolicy } from '../policy.js';
import { purgeForArticle } from '../purge.js';
import { clearEditors, editorIds, findPendingEdit } from '../review-repo.js';
import { snapshotOf, type Snapshot } from '../snapshot.js';

export const OWN_EDIT_MESSAGE = 'Bạn đã sửa nội dung của bản sửa này nên không thể tự duyệt. Theo nguyên tắc hai người, một người duyệt khác phải duyệt và xuất bản.';

/**
 * Approves a published article's pending edit: its text becomes the article's, a revision and an
 * audit row are written, the editors list starts again, and the public pages are purged. The
 * pending edit is deleted first and only if unchanged since it was read, so of two approvals
 * racing exactly one publishes.
 */
export async function approvePendingEdit(cx: CommandContext, articleId: number): Promise<void> {
  const { db, site, actor, now } = cx;
  const stamp = now.toISOString();
  const { before, slug, categoryId } = await db.transaction().execute(async (tx) => {
    const [article, pending] = await Promise.all([findArticle(tx, site.id, articleId), findPendingEdit(tx, site.id, articleId)]);
    if (!article || !pending) throw new AppError('not_found');
    const editors = await editorIds(tx, site.id, articleId);
    if (articlePolicy.isOwnEdit(actor, pending, editors)) throw new AppError('forbidden', OWN_EDIT_MESSAGE);
    if (!articlePolicy.approveEdit(actor, article, pending, editors)) throw new AppError('forbidden');
    const gone = await tx
      .deleteFrom('article_pending_edits')
      .where('site_id', '=', site.id)
      .where('id', '=', pending.id)
      .where('status', '=', 'submitted')
      .where('updated_at', '=', pending.updated_at)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw new AppError('conflict');
    const snap = snapshotOf(JSON.parse(pending.snapshot) as Snapshot);
    const slug = slugify(snap.title) || 'bai-viet';
    const r = await tx
      .updateTable('articles')
      .set({ ...snap, slug, title_fold: searchFold(snap.title), updated_by: pending.updated_by, updated_at: stamp })
      .where('site_id', '=', site.id)
      .where('id', '=', articleId)
      .where('status', '=', 'published')
      .where('updated_at', '=', article.updated_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict');
    await syncArticleIndex(tx, articleId);
    await tx.insertInto('article_revisions').values({ article_id: articleId, site_id: site.id, snapshot: JSON.stringify(snap), created_by: pending.updated_by, created_at: stamp }).execute();
    await clearEditors(tx, site.id, articleId);
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'article.edit_approve', entityType: 'article', entityId: articleId, before: snapshotOf(article), after: { ...snap, editors } }, now);
    return { before: article, slug, categoryId: snap.category_id };
  });
  // The old address and the new one (a new title moves the slug) both go, with both categories.
  await purgeForArticle(db, cx.cache, before, [before.category_id, categoryId]);
  if (slug !== before.slug) await purgeForArticle(db, cx.cache, { ...before, slug }, []);
}
