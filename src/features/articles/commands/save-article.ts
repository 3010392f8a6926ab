import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { searchFold, slugify } from '../../../kernel/lib/text.js';
import { findArticle } from '../admin-repo.js';
import { validateArticle, type ArticleForm } from '../input.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { purgeForArticle } from '../purge.js';
import { snapshotOf } from '../snapshot.js';
import { articlePolicy } from '../policy.js';
import { syncArticleIndex } from '../../search/indexer.js';
import { findPendingEdit, recordEditor } from '../review-repo.js';
import { CONFLICT_MESSAGE } from './conflict.js';
import { savePendingEdit } from './save-pending-edit.js';

export const COVER_MISSING = 'Ảnh đại diện phải là một ảnh trong Thư viện tệp của trang này. Hãy chọn lại ảnh.';
export { CONFLICT_MESSAGE };

/**
 * Creates an article (as a draft) or saves an existing one: validate, sanitize, write, keep a
 * revision, write the audit row — one transaction. `expectedUpdatedAt` guards against
 * overwriting someone else's save made in between.
 */
export async function saveArticle(
  cx: CommandContext,
  articleId: number | null,
  form: ArticleForm,
  expectedUpdatedAt?: string,
): Promise<CommandResult> {
  const { db, site, actor, now } = cx;
  const categories = await db.selectFrom('categories').select('id').where('site_id', '=', site.id).execute();
  const { values, errors } = validateArticle(form, new Set(categories.map((c) => c.id)));
  if (!values) return { ok: false, errors };
  const stamp = now.toISOString();

  const result = await db.transaction().execute(async (tx): Promise<CommandResult & { purge?: { id: number; slug: string; cats: number[] } }> => {
    if (values.cover_media_id !== null) {
      const cover = await tx
        .selectFrom('media')
        .select('kind')
        .where('site_id', '=', site.id)
        .where('id', '=', values.cover_media_id)
        .executeTakeFirst();
      if (cover?.kind !== 'image') return { ok: false, errors: { cover_media_id: COVER_MISSING } };
    }
    if (values.legacy_id) {
      const taken = await tx
        .selectFrom('articles')
        .select('id')
        .where('site_id', '=', site.id)
        .where('legacy_id', '=', values.legacy_id)
        .executeTakeFirst();
      if (taken && taken.id !== articleId) return { ok: false, errors: { legacy_id: `Mã bài cũ ${values.legacy_id} đã được dùng cho bài viết khác.` } };
    }
    const row = { ...values, published_at: values.published_at ?? stamp, slug: slugify(values.title) || 'bai-viet', title_fold: searchFold(values.title) };

    if (articleId === null) {
      if (!articlePolicy.create(actor, site.id)) throw new AppError('forbidden');
      const { id } = await tx
        .insertInto('articles')
        .values({ ...row, site_id: site.id, status: 'draft', created_by: actor.userId, updated_by: actor.userId, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('article_revisions').values({ article_id: id, site_id: site.id, snapshot: JSON.stringify(snapshotOf(row)), created_by: actor.userId, created_at: stamp }).execute();
      await recordEditor(tx, site.id, id, actor.userId, stamp);
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'article.create', entityType: 'article', entityId: id, after: snapshotOf(row) }, now);
      return { ok: true, value: id };
    }

    const before = await findArticle(tx, site.id, articleId);
    if (!before) throw new AppError('not_found');
    if (!articlePolicy.edit(actor, before)) throw new AppError('forbidden');
    const pending = before.status === 'published' ? await findPendingEdit(tx, site.id, articleId) : undefined;
    if (articlePolicy.editNeedsReview(before, site.settings, !!pending)) return savePendingEdit(tx, cx, before, row, expectedUpdatedAt);
    if (expectedUpdatedAt && expectedUpdatedAt !== before.updated_at) return { ok: false, errors: { _form: CONFLICT_MESSAGE } };
    const updated = await tx
      .updateTable('articles')
      // Under the two-person rule a change to a scheduled article withdraws the approval it had.
      .set({ ...row, updated_by: actor.userId, updated_at: stamp, ...(site.settings.twoPersonRule && before.status === 'scheduled' ? { status: 'submitted' as const } : {}) })
      .where('id', '=', articleId)
      .where('site_id', '=', site.id)
      .where('updated_at', '=', before.updated_at)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, errors: { _form: CONFLICT_MESSAGE } };
    // A published article's new text is searchable as soon as it is saved (same transaction).
    await syncArticleIndex(tx, articleId);
    await tx.insertInto('article_revisions').values({ article_id: articleId, site_id: site.id, snapshot: JSON.stringify(snapshotOf(row)), created_by: actor.userId, created_at: stamp }).execute();
    await recordEditor(tx, site.id, articleId, actor.userId, stamp);
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'article.update', entityType: 'article', entityId: articleId, before: snapshotOf(before), after: snapshotOf(row) }, now);
    const visible = before.status === 'published';
    return { ok: true, value: articleId, purge: visible ? { id: articleId, slug: before.slug, cats: [before.category_id, row.category_id] } : undefined };
  });

  if (result.ok && result.purge) {
    // Both the old slug's and the new slug's cached pages go.
    const p = result.purge;
    await purgeForArticle(db, cx.cache, { id: p.id, slug: p.slug, site_id: site.id }, p.cats);
    await purgeForArticle(db, cx.cache, { id: p.id, slug: slugify(values.title) || 'bai-viet', site_id: site.id }, []);
  }
  return result.ok ? { ok: true, value: result.value } : result;
}
